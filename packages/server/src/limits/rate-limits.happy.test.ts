import { afterEach, describe, expect, it, vi } from "vitest";
import { ROOMY_PLAN, writePlansFile, type TestPlan } from "../test-support/plans-file.js";
import { LimitsStore } from "./limits-store.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);

describe("rate limits on authenticated requests", () => {
  let kw: TestKeyward | undefined;
  let plans: { file: string; remove(): void } | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await kw?.close();
    plans?.remove();
    kw = undefined;
    plans = undefined;
  });

  async function start(free: string[], extra: Record<string, TestPlan> = {}) {
    plans = writePlansFile({ free: { ...ROOMY_PLAN, rateLimits: free }, ...extra });
    kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file });
    return kw;
  }

  const health = (secret: string) => kw!.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });

  it("answers every request of a key with X-RateLimit-* for the window that runs out first", async () => {
    // Only Date is faked: the rest of the app keeps real timers.
    vi.useFakeTimers({ now: T0, toFake: ["Date"] });
    await start(["100/minute", "5/hour"]);
    const workspace = await kw!.createWorkspace("acme");
    const { secret } = await kw!.issueKey(workspace);
    const first = await health(secret);
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-ratelimit-limit"]).toBe("5");
    expect(first.headers["x-ratelimit-remaining"]).toBe("4");
    expect(first.headers["x-ratelimit-reset"]).toBe(String((T0 + 3_600_000) / 1000));
    const second = await health(secret);
    expect(second.headers["x-ratelimit-remaining"]).toBe("3");
  });

  it("uses the plans' windows out of the box: 100 per minute on the free plan", async () => {
    kw = await startTestKeyward();
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const response = await health(secret);
    expect(response.headers["x-ratelimit-limit"]).toBe("100");
    expect(response.headers["x-ratelimit-remaining"]).toBe("99");
  });

  it("admits a key's limit in a window, refuses the next request, and admits again when the window ends", async () => {
    vi.useFakeTimers({ now: T0, toFake: ["Date"] });
    await start(["3/minute"]);
    const workspace = await kw!.createWorkspace("acme");
    const { secret } = await kw!.issueKey(workspace);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await health(secret)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    vi.setSystemTime(T0 + 59_999);
    expect((await health(secret)).statusCode).toBe(429);
    vi.setSystemTime(T0 + 60_000);
    const again = await health(secret);
    expect(again.statusCode).toBe(200);
    expect(again.headers["x-ratelimit-remaining"]).toBe("2");
  });

  it("counts each key on its own", async () => {
    await start(["2/minute"]);
    const workspace = await kw!.createWorkspace("acme");
    const a = await kw!.issueKey(workspace);
    const b = await kw!.issueKey(workspace);
    await health(a.secret);
    await health(a.secret);
    expect((await health(a.secret)).statusCode).toBe(429);
    expect((await health(b.secret)).statusCode).toBe(200);
  });

  it("applies a key's own windows instead of its plan's, and the plan's again once they are cleared", async () => {
    await start(["100/minute"]);
    const workspace = await kw!.createWorkspace("acme");
    const noisy = await kw!.issueKey(workspace);
    const quiet = await kw!.issueKey(workspace);
    await health(noisy.secret);
    await kw!.keyward.limits.setKeyWindows(noisy.id, workspace.id, [{ limit: 2, seconds: 60 }]);
    const tightened = await health(noisy.secret);
    expect(tightened.headers["x-ratelimit-limit"]).toBe("2");
    // The request before the override is still in this minute's count.
    expect(tightened.headers["x-ratelimit-remaining"]).toBe("0");
    expect((await health(noisy.secret)).statusCode).toBe(429);
    expect((await health(quiet.secret)).headers["x-ratelimit-limit"]).toBe("100");
    await kw!.keyward.limits.setKeyWindows(noisy.id, workspace.id, null);
    expect((await health(noisy.secret)).headers["x-ratelimit-limit"]).toBe("100");
  });

  it("applies a new plan to the workspace's keys at once", async () => {
    await start(["10/minute"], { gold: { ...ROOMY_PLAN, rateLimits: ["500/minute"] } });
    const workspace = await kw!.createWorkspace("acme");
    const { secret } = await kw!.issueKey(workspace);
    expect((await health(secret)).headers["x-ratelimit-limit"]).toBe("10");
    await kw!.keyward.limits.setPlan(workspace.id, "gold");
    expect((await health(secret)).headers["x-ratelimit-limit"]).toBe("500");
  });

  it("sees a plan changed by another process through the change feed", async () => {
    await start(["10/minute"], { gold: { ...ROOMY_PLAN, rateLimits: ["500/minute"] } });
    const workspace = await kw!.createWorkspace("acme");
    const { secret } = await kw!.issueKey(workspace);
    await health(secret);
    // As the CLI does it: storage only, nothing dropped from this process's cache directly.
    await new LimitsStore(kw!.keyward.db).setPlan(workspace.id, "gold");
    await kw!.keyward.changes.pollOnce();
    expect((await health(secret)).headers["x-ratelimit-limit"]).toBe("500");
  });

  it("leaves unauthenticated routes without rate-limit headers", async () => {
    kw = await startTestKeyward();
    const response = await kw.keyward.app.inject({ method: "GET", url: "/livez" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-ratelimit-limit"]).toBeUndefined();
  });
});
