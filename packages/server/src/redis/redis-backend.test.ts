import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createKeyward, type Keyward } from "../runtime/create-keyward.js";
import { redisForTests } from "../test-support/redis-availability.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const redisUrl = await redisForTests("Redis invalidation-bus tests");

describe.skipIf(!redisUrl)("two instances sharing one Redis", () => {
  let a: TestKeyward | undefined;
  let b: Keyward | undefined;

  afterEach(async () => {
    await b?.close();
    await a?.close();
    a = b = undefined;
  });

  /** Two instances on one SQLite data dir and one Redis, polling the change feed only once a minute. */
  async function twoInstances(): Promise<{ a: TestKeyward; b: Keyward }> {
    // SQLite, so no PostgreSQL NOTIFY can be what wakes the other instance.
    // IP limits off: refused keys would otherwise count against 127.0.0.1 in the shared Redis.
    a = await startTestKeyward({ REDIS_URL: redisUrl!, KEYWARD_CHANGE_POLL_MS: "60000", DATABASE_URL: "", KEYWARD_IP_RATE_LIMITS: "off" });
    b = await createKeyward(a.config, { logStream: new PassThrough(), monitorEnv: {} });
    // Start-up does not wait for Redis; until it is connected each instance counts in memory.
    const both = [a.keyward, b];
    await vi.waitFor(() => expect(both.every((keyward) => keyward.redis?.rates.fallingBack === false)).toBe(true), { timeout: 5_000, interval: 20 });
    return { a, b };
  }

  const health = (keyward: Keyward, secret: string) => keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });

  it("refuses a key on instance B soon after instance A revokes it, long before B's next poll", async () => {
    const { a, b } = await twoInstances();
    const workspace = await a.createWorkspace();
    const key = await a.issueKey(workspace);
    expect((await health(b, key.secret)).statusCode).toBe(200);
    // Subscribing reads the feed once; only after that does a refusal prove the wake-up came by Redis.
    await vi.waitFor(() => expect(b.redis?.listening()).toBe(true), { timeout: 5_000, interval: 20 });

    await a.keyward.keys.revoke(key.id);

    await vi.waitFor(async () => expect((await health(b, key.secret)).statusCode).toBe(401), { timeout: 2_000, interval: 20 });
  });

  it("admits exactly N requests of a key limited to N per minute, whichever instance serves them", async () => {
    const { a, b } = await twoInstances();
    const workspace = await a.createWorkspace();
    const key = await a.issueKey(workspace);
    await a.keyward.limits.setKeyWindows(key.id, workspace.id, [{ limit: 4, seconds: 60 }]);

    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await health(i % 2 === 0 ? a.keyward : b, key.secret));

    expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(4);
    expect(answers.filter((answer) => answer.statusCode === 429)).toHaveLength(8);
  });

  it("reports Redis as up in keyward_backend_up", async () => {
    const { b } = await twoInstances();
    // Start-up does not wait for Redis, so the first scrape may come before it is connected.
    await vi.waitFor(async () => expect(await b.metrics.render()).toMatch(/keyward_backend_up\{backend="redis"\} 1/), { timeout: 5_000, interval: 50 });
  });
});
