import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOMY_PLAN, writePlansFile } from "../test-support/plans-file.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("charged routes and GET /v1/credits", () => {
  let kw: TestKeyward;
  let plans: { file: string; remove(): void };
  beforeEach(async () => {
    plans = writePlansFile({ free: { ...ROOMY_PLAN, creditsPerCycle: 100, cycleResetDay: 1 } });
    kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file });
    // A route with a cost, as the monitor declares one.
    kw.keyward.app.post("/v1/test-only/charged", { config: { auth: {}, cost: 3 } }, () => ({ ok: true }));
  });
  afterEach(async () => {
    await kw.close();
    plans.remove();
  });

  const charged = (secret: string) => kw.keyward.app.inject({ method: "POST", url: "/v1/test-only/charged", headers: bearer(secret) });
  const balance = async (secret: string) =>
    (await kw.keyward.app.inject({ method: "GET", url: "/v1/credits", headers: bearer(secret) })).json<{ remaining: number; perCycle: number; cycleResetsAt: string }>();

  it("takes a route's cost from the workspace and says so in X-Credits-Charged and X-Credits-Remaining", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const first = await charged(secret);
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-credits-charged"]).toBe("3");
    expect(first.headers["x-credits-remaining"]).toBe("97");
    expect((await charged(secret)).headers["x-credits-remaining"]).toBe("94");
    await expect(balance(secret)).resolves.toMatchObject({ remaining: 94, perCycle: 100 });
  });

  it("shows the balance, the plan's credits per cycle and the next reset to any valid key of the workspace", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace, { scopes: ["prompts:read"] });
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/credits", headers: bearer(secret) });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ remaining: number; perCycle: number; cycleResetsAt: string }>();
    expect(Object.keys(body).sort()).toEqual(["cycleResetsAt", "perCycle", "remaining"]);
    expect(body.remaining).toBe(100);
    expect(body.perCycle).toBe(100);
    const resetsAt = new Date(body.cycleResetsAt);
    expect(resetsAt.getUTCDate()).toBe(1);
    expect(resetsAt.getTime()).toBeGreaterThan(Date.now());
    expect(resetsAt.getTime()).toBeLessThanOrEqual(Date.now() + 31 * 86_400_000);
    // Reading the balance is free.
    expect(response.headers["x-credits-charged"]).toBeUndefined();
  });

  it("never charges sandbox keys", async () => {
    const workspace = await kw.createWorkspace("acme");
    const sandbox = await kw.issueKey(workspace, { environment: "test" });
    const response = await charged(sandbox.secret);
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-credits-charged"]).toBeUndefined();
    await expect(balance(sandbox.secret)).resolves.toMatchObject({ remaining: 100 });
  });

  it("leaves free routes without credit headers", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(response.headers["x-credits-charged"]).toBeUndefined();
    await expect(balance(secret)).resolves.toMatchObject({ remaining: 100 });
  });

  it("keeps workspaces' balances apart", async () => {
    const acme = await kw.issueKey(await kw.createWorkspace("acme"));
    const globex = await kw.issueKey(await kw.createWorkspace("globex"));
    await charged(acme.secret);
    await expect(balance(globex.secret)).resolves.toMatchObject({ remaining: 100 });
  });

  it("adds what a grant gives to the balance", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    await kw.keyward.credits.grant(workspace.id, 50);
    expect((await charged(secret)).headers["x-credits-remaining"]).toBe("147");
  });
});
