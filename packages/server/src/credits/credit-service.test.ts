import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILT_IN_PLANS, type Plan } from "../limits/index.js";
import type { WorkspaceRecord } from "../store/index.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { CreditService } from "./credit-service.js";
import { CreditStore } from "./credit-store.js";

const plan: Plan = { ...BUILT_IN_PLANS[0]!, name: "metered", creditsPerCycle: 10, cycleResetDay: 15 };

describe("CreditService", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let now: number;
  let credits: CreditService;
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    now = Date.UTC(2024, 0, 20, 12);
    credits = new CreditService(new CreditStore(kw.keyward.db), async () => plan, () => now);
  });
  afterEach(async () => {
    await kw.close();
  });

  it("starts a workspace's cycle with the plan's credits at its first charge", async () => {
    await expect(credits.balanceOf(workspace.id)).resolves.toEqual({ remaining: 10, perCycle: 10, cycleResetsAt: Date.UTC(2024, 1, 15) });
    await expect(credits.charge(workspace.id, plan, 3)).resolves.toMatchObject({ credits: 3, remaining: 7, cycleStartedAt: Date.UTC(2024, 0, 15) });
    await expect(credits.balanceOf(workspace.id)).resolves.toMatchObject({ remaining: 7 });
  });

  it("charges the last credits exactly and refuses a charge it cannot cover, leaving the balance as it was", async () => {
    await expect(credits.charge(workspace.id, plan, 10)).resolves.toMatchObject({ remaining: 0 });
    await expect(credits.charge(workspace.id, plan, 1)).resolves.toBeNull();
    await expect(credits.balanceOf(workspace.id)).resolves.toMatchObject({ remaining: 0 });
  });

  it("refills to the plan's credits on the reset day, not before", async () => {
    await credits.charge(workspace.id, plan, 10);
    now = Date.UTC(2024, 1, 15) - 1;
    await expect(credits.charge(workspace.id, plan, 1)).resolves.toBeNull();
    now = Date.UTC(2024, 1, 15);
    await expect(credits.balanceOf(workspace.id)).resolves.toEqual({ remaining: 10, perCycle: 10, cycleResetsAt: Date.UTC(2024, 2, 15) });
    await expect(credits.charge(workspace.id, plan, 4)).resolves.toMatchObject({ remaining: 6, cycleStartedAt: Date.UTC(2024, 1, 15) });
  });

  it("gives a refund back within the cycle, but never into the next one", async () => {
    const charge = (await credits.charge(workspace.id, plan, 4))!;
    await expect(credits.refund(charge)).resolves.toBe(10);
    const late = (await credits.charge(workspace.id, plan, 4))!;
    now = Date.UTC(2024, 1, 16);
    await credits.charge(workspace.id, plan, 1);
    await expect(credits.refund(late)).resolves.toBeNull();
    await expect(credits.balanceOf(workspace.id)).resolves.toMatchObject({ remaining: 9 });
  });

  it("adds granted credits to the current cycle only", async () => {
    await credits.charge(workspace.id, plan, 8);
    await expect(credits.grant(workspace.id, 50)).resolves.toMatchObject({ remaining: 52, perCycle: 10 });
    now = Date.UTC(2024, 1, 15);
    await expect(credits.balanceOf(workspace.id)).resolves.toMatchObject({ remaining: 10 });
  });

  it("grants into a cycle that has not started yet", async () => {
    await expect(credits.grant(workspace.id, 5)).resolves.toMatchObject({ remaining: 15 });
  });

  it.each([0, -3, 1.5, 2_000_000_000])("refuses to grant %s credits", async (amount) => {
    await expect(credits.grant(workspace.id, amount)).rejects.toMatchObject({ code: "validation_error" });
  });
});
