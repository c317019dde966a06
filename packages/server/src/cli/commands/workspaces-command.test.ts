import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

describe("keyward workspaces", () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => {
    data.remove();
  });

  it("create --json prints exactly one JSON document describing the workspace", async () => {
    const result = await runCli(data.dir, ["workspaces", "create", "acme", "--name", "Acme Inc", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const workspace = JSON.parse(result.stdout);
    expect(workspace).toMatchObject({ id: expect.stringMatching(/^ws_/), slug: "acme", name: "Acme Inc" });
    expect(Date.parse(workspace.createdAt)).not.toBeNaN();
  });

  it("create without --json says what it made", async () => {
    const result = await runCli(data.dir, ["workspaces", "create", "acme"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Created workspace acme \(ws_\w+\)/);
  });

  it("list --json shows the workspaces created, kept across runs", async () => {
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    await runCliJson(data.dir, ["workspaces", "create", "globex"]);
    const listed = await runCliJson<{ workspaces: Array<{ slug: string }> }>(data.dir, ["workspaces", "list"]);
    expect(listed.workspaces.map((workspace) => workspace.slug)).toEqual(["acme", "globex"]);
  });

  it("refuses a slug that is taken with exit code 1 and a one-line message", async () => {
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    const result = await runCli(data.dir, ["workspaces", "create", "acme", "--json"]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^keyward: .*acme.*already exists\n$/);
  });

  it.each([["Acme Inc"], ["-acme"], ["a".repeat(41)]])("refuses the slug %j as bad arguments, exit code 2", async (slug) => {
    const result = await runCli(data.dir, ["workspaces", "create", "--json", "--", slug]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
