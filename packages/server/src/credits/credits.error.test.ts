import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { ROOMY_PLAN, writePlansFile } from "../test-support/plans-file.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("charged routes that cannot be paid for, or fail", () => {
  let kw: TestKeyward;
  let plans: { file: string; remove(): void };
  beforeEach(async () => {
    plans = writePlansFile({ free: { ...ROOMY_PLAN, creditsPerCycle: 5 } });
    kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file });
    const app = kw.keyward.app;
    app.post("/v1/test-only/charged", { config: { auth: {}, cost: 5 } }, () => ({ ok: true }));
    app.post("/v1/monitor/test-only", { config: { auth: {}, cost: 5, dialect: "monitor" } }, () => ({ success: true }));
    app.post("/v1/test-only/crash", { config: { auth: {}, cost: 2 } }, () => {
      throw new Error("engine exploded");
    });
    app.post("/v1/test-only/upstream", { config: { auth: {}, cost: 2 } }, () => {
      throw new ApiError("bad_gateway");
    });
    app.post("/v1/test-only/missing", { config: { auth: {}, cost: 2 } }, () => {
      throw new ApiError("not_found");
    });
  });
  afterEach(async () => {
    await kw.close();
    plans.remove();
  });

  const post = (url: string, secret: string) => kw.keyward.app.inject({ method: "POST", url, headers: bearer(secret) });
  const remaining = async (workspaceId: string) => (await kw.keyward.credits.balanceOf(workspaceId)).remaining;

  it("answers 403 insufficient_credits in the registry dialect once the balance is spent", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    expect((await post("/v1/test-only/charged", secret)).statusCode).toBe(200);
    const refused = await post("/v1/test-only/charged", secret);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: "insufficient_credits", message: "Insufficient credits" } });
    expect(refused.headers["x-credits-charged"]).toBeUndefined();
    await expect(remaining(workspace.id)).resolves.toBe(0);
  });

  it("answers 403 in the monitor dialect on monitor routes", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    await post("/v1/monitor/test-only", secret);
    const refused = await post("/v1/monitor/test-only", secret);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ success: false, error: "Insufficient credits" });
  });

  it("refuses a request that costs more than is left, taking nothing", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    await post("/v1/test-only/crash", secret); // refunded: 5 left
    await kw.keyward.app.inject({ method: "POST", url: "/v1/test-only/crash", headers: bearer(secret) });
    await expect(remaining(workspace.id)).resolves.toBe(5);
    await kw.keyward.credits.grant(workspace.id, 1);
    await post("/v1/test-only/charged", secret); // 1 left
    expect((await post("/v1/test-only/charged", secret)).statusCode).toBe(403);
    await expect(remaining(workspace.id)).resolves.toBe(1);
  });

  it.each([
    ["/v1/test-only/crash", 500],
    ["/v1/test-only/upstream", 502],
    ["/v1/test-only/missing", 404],
  ])("gives the charge back when %s fails with %i", async (url, status) => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const failed = await post(url, secret);
    expect(failed.statusCode).toBe(status);
    expect(failed.headers["x-credits-charged"]).toBe("0");
    expect(failed.headers["x-credits-remaining"]).toBe("5");
    await expect(remaining(workspace.id)).resolves.toBe(5);
  });

  it("does not count given-back credits in usage", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { id, secret } = await kw.issueKey(workspace);
    await post("/v1/test-only/crash", secret);
    await post("/v1/test-only/charged", secret);
    await kw.keyward.usage.flush();
    const series = await kw.keyward.usageQueries.series({ workspaceId: workspace.id, keyId: id, granularity: "hour" });
    const total = series.buckets.reduce((sum, b) => ({ requests: sum.requests + b.requests, credits: sum.credits + b.credits }), { requests: 0, credits: 0 });
    expect(total).toEqual({ requests: 2, credits: 5 });
  });
});
