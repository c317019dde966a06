import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

interface Member {
  email: string;
  role: string;
}

// Each step starts the real binary: give a loaded machine time.
describe("keyward members", { timeout: 90_000 }, () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    await runCliJson(data.dir, ["users", "create", "--email", "ada@example.com"]);
    await runCliJson(data.dir, ["users", "create", "--email", "bob@example.com"]);
  });
  afterEach(() => {
    data.remove();
  });

  const list = async () => (await runCliJson<{ members: Member[] }>(data.dir, ["members", "list", "acme"])).members.map((m) => [m.email, m.role]);

  it("adds, re-roles, lists and removes members", async () => {
    await expect(runCliJson(data.dir, ["members", "add", "acme", "ada@example.com", "--role", "owner"])).resolves.toMatchObject({
      workspace: "acme",
      email: "ada@example.com",
      role: "owner",
    });
    await runCliJson(data.dir, ["members", "add", "acme", "BOB@example.com"]);
    expect(await list()).toEqual([["ada@example.com", "owner"], ["bob@example.com", "member"]]);
    await expect(runCliJson(data.dir, ["members", "set-role", "acme", "bob@example.com", "viewer"])).resolves.toMatchObject({ role: "viewer" });
    await expect(runCliJson(data.dir, ["members", "remove", "acme", "bob@example.com"])).resolves.toMatchObject({ removed: true });
    expect(await list()).toEqual([["ada@example.com", "owner"]]);
  });

  it("says what it did without --json", async () => {
    const added = await runCli(data.dir, ["members", "add", "acme", "ada@example.com", "--role", "owner"]);
    expect(added.stdout).toBe("Added ada@example.com to acme as owner\n");
    const listed = await runCli(data.dir, ["members", "list", "acme"]);
    expect(listed.stdout).toMatch(/^EMAIL\s+NAME\s+ROLE\s+JOINED\s+USER ID\nada@example.com\s+ada\s+owner\s/);
  });

  it("exits 2 on bad arguments and 1 on an unknown workspace or user", async () => {
    expect((await runCli(data.dir, ["members", "add", "acme", "ada@example.com", "--role", "superuser"])).code).toBe(2);
    expect((await runCli(data.dir, ["members", "set-role", "acme", "ada@example.com", "root"])).code).toBe(2);
    expect((await runCli(data.dir, ["members", "add", "acme"])).code).toBe(2);
    const unknownWorkspace = await runCli(data.dir, ["members", "add", "nope", "ada@example.com"]);
    expect(unknownWorkspace).toMatchObject({ code: 1, stderr: "keyward: Workspace not found: nope\n" });
    const unknownUser = await runCli(data.dir, ["members", "add", "acme", "carol@example.com"]);
    expect(unknownUser).toMatchObject({ code: 1, stderr: "keyward: User not found: carol@example.com\n" });
  });

  it("refuses to remove or demote the last owner with exit 1", async () => {
    await runCliJson(data.dir, ["members", "add", "acme", "ada@example.com", "--role", "owner"]);
    const removed = await runCli(data.dir, ["members", "remove", "acme", "ada@example.com"]);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toMatch(/keeps at least one owner/);
    expect((await runCli(data.dir, ["members", "set-role", "acme", "ada@example.com", "admin"])).code).toBe(1);
    expect(await list()).toEqual([["ada@example.com", "owner"]]);
  });
});
