import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

// Each step starts the real binary: give a loaded machine time.
describe("keyward workspaces set-subscription", { timeout: 90_000 }, () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
  });

  it("sets each status and shows it in the workspace list", async () => {
    for (const status of ["past_due", "canceled", "active"]) {
      await expect(runCliJson(data.dir, ["workspaces", "set-subscription", "acme", status])).resolves.toMatchObject({
        slug: "acme",
        subscriptionStatus: status,
      });
    }
    const listed = await runCliJson<{ workspaces: Array<{ subscriptionStatus: string }> }>(data.dir, ["workspaces", "list"]);
    expect(listed.workspaces[0]!.subscriptionStatus).toBe("active");
  });

  it("says what changed and what it means for the keys", async () => {
    const result = await runCli(data.dir, ["workspaces", "set-subscription", "acme", "past_due"]);
    expect(result.stdout).toBe("acme subscription: past_due (was active)\nIts keys now answer 403 until the subscription is active again.\n");
    expect((await runCli(data.dir, ["workspaces", "set-subscription", "acme", "past_due"])).stdout).toBe("acme subscription is already past_due\n");
  });

  it("exits 2 on an unknown status and 1 on an unknown workspace", async () => {
    const bad = await runCli(data.dir, ["workspaces", "set-subscription", "acme", "paused"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/use active, past_due, canceled/);
    expect((await runCli(data.dir, ["workspaces", "set-subscription", "nope", "active"])).code).toBe(1);
  });
});
