import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WorkspaceRecord } from "../store/index.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { LimitsService } from "./limits-service.js";
import { LimitsStore } from "./limits-store.js";
import { PlanCatalog } from "./plan-catalog.js";
import { BUILT_IN_PLANS } from "./plans.js";

describe("LimitsService", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let limits: LimitsService;
  let changed: ReturnType<typeof vi.fn<(workspaceId: string) => void>>;
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    changed = vi.fn<(workspaceId: string) => void>();
    limits = new LimitsService(new LimitsStore(kw.keyward.db), new PlanCatalog(BUILT_IN_PLANS), changed);
  });
  afterEach(async () => {
    await kw.close();
  });

  it("puts a workspace on a plan, tells this process at once and other processes through the change feed", async () => {
    const before = await kw.keyward.store.latestChangeId();
    await expect(limits.setPlan(workspace.id, "enterprise")).resolves.toMatchObject({ name: "enterprise" });
    await expect(limits.planOf(workspace.id)).resolves.toMatchObject({ name: "enterprise" });
    expect(changed).toHaveBeenCalledWith(workspace.id);
    await expect(kw.keyward.store.changesSince(before, 10)).resolves.toEqual([expect.objectContaining({ kind: "workspace", subject: workspace.id })]);
  });

  it("refuses an unknown plan and an unknown workspace", async () => {
    await expect(limits.setPlan(workspace.id, "platinum")).rejects.toMatchObject({ code: "validation_error" });
    await expect(limits.setPlan("ws_nope", "pro")).rejects.toMatchObject({ code: "not_found" });
    expect(changed).not.toHaveBeenCalled();
  });

  it("stores a key's own windows sorted, and shows the plan's once they are cleared", async () => {
    const { id } = await kw.issueKey(workspace);
    const set = await limits.setKeyWindows(id, workspace.id, [
      { limit: 5000, seconds: 3600 },
      { limit: 100, seconds: 60 },
    ]);
    expect(set).toEqual({
      keyId: id,
      plan: "free",
      source: "key",
      windows: [
        { limit: 100, seconds: 60 },
        { limit: 5000, seconds: 3600 },
      ],
    });
    await expect(limits.setKeyWindows(id, workspace.id, null)).resolves.toMatchObject({ source: "plan", windows: BUILT_IN_PLANS[0]!.rateLimits });
  });

  it.each([
    [[]],
    [Array.from({ length: 5 }, (_, i) => ({ limit: 10, seconds: 60 * (i + 1) }))],
    [[{ limit: 0, seconds: 60 }]],
  ])("refuses the windows %j", async (windows) => {
    const { id } = await kw.issueKey(workspace);
    await expect(limits.setKeyWindows(id, workspace.id, windows)).rejects.toMatchObject({ code: "validation_error" });
  });

  it("forgets a key's windows when the key is deleted with its workspace rows", async () => {
    const { id } = await kw.issueKey(workspace);
    await limits.setKeyWindows(id, workspace.id, [{ limit: 1, seconds: 60 }]);
    await kw.keyward.db.deleteFrom("api_keys").where("id", "=", id).execute();
    await expect(new LimitsStore(kw.keyward.db).keyWindows(id)).resolves.toBeNull();
  });
});
