import { afterEach, describe, expect, it, vi } from "vitest";
import type { CuttableProxy } from "../test-support/cuttable-proxy.js";
import { redisForTests, redisThroughProxy } from "../test-support/redis-availability.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const redisUrl = await redisForTests("Redis outage tests");
const OUTAGE_WARNING = "Redis is unreachable; rate limits count per instance until it returns";

describe.skipIf(!redisUrl)("an instance whose Redis goes away", () => {
  let kw: TestKeyward | undefined;
  let proxy: CuttableProxy | undefined;

  afterEach(async () => {
    await kw?.close();
    await proxy?.close();
    kw = proxy = undefined;
  });

  it("keeps serving keys with per-instance limits, warns once, reports redis down, and recovers when Redis returns", async () => {
    const proxied = await redisThroughProxy(redisUrl!);
    proxy = proxied.proxy;
    kw = await startTestKeyward({ REDIS_URL: proxied.url, DATABASE_URL: "", KEYWARD_IP_RATE_LIMITS: "off" });
    const keyward = kw.keyward;
    const workspace = await kw.createWorkspace();
    const key = await kw.issueKey(workspace);
    await keyward.limits.setKeyWindows(key.id, workspace.id, [{ limit: 3, seconds: 60 }]);
    await vi.waitFor(() => expect(keyward.redis?.rates.fallingBack).toBe(false), { timeout: 5_000, interval: 20 });
    const health = () => keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(key.secret) });
    const redisUp = async () => /keyward_backend_up\{backend="redis"\} 1/.test(await keyward.metrics.render());
    expect((await health()).statusCode).toBe(200);

    await proxy.cut();
    const during = [];
    for (let i = 0; i < 5; i++) during.push((await health()).statusCode);
    // A fresh window in this instance's memory: three more, then refused, never a 5xx.
    expect(during).toEqual([200, 200, 200, 429, 429]);
    await expect(redisUp()).resolves.toBe(false);
    expect(kw.logs().split(OUTAGE_WARNING).length - 1).toBe(1);

    await proxy.restore();
    await vi.waitFor(async () => expect(await redisUp()).toBe(true), { timeout: 10_000, interval: 50 });
    await vi.waitFor(() => expect(keyward.redis?.rates.fallingBack).toBe(false), { timeout: 10_000, interval: 20 });
    // Counting in Redis again: one taken there before the outage, two left.
    const after = [];
    for (let i = 0; i < 3; i++) after.push((await health()).statusCode);
    expect(after).toEqual([200, 200, 429]);
  });
});
