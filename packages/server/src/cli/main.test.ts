import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliJson, tempDataDir } from "../test-support/processes.js";

/** One line on stderr, nothing on stdout: what a script can rely on. */
function expectOneLineError(result: { stdout: string; stderr: string }): void {
  expect(result.stdout).toBe("");
  expect(result.stderr.endsWith("\n")).toBe(true);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
}

describe("the keyward command", () => {
  let data: ReturnType<typeof tempDataDir>;
  let keyId: string;
  beforeAll(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    keyId = (await runCliJson<{ id: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "CI"])).id;
  });
  afterAll(() => {
    data.remove();
  });

  it.each([
    ["a missing required option", ["keys", "create", "--name", "x", "--json"]],
    ["a missing argument", ["keys", "revoke", "--json"]],
    ["an unknown option", ["keys", "list", "--workspace", "acme", "--colour", "--json"]],
    ["an unknown command", ["key", "list"]],
    ["an unknown sub-command", ["keys", "delete", "key_x"]],
    ["an environment that is neither live nor test", ["keys", "create", "--workspace", "acme", "--name", "x", "--env", "prod", "--json"]],
    ["an unknown scope", ["keys", "create", "--workspace", "acme", "--name", "x", "--scopes", "prompts:read,admin", "--json"]],
    ["an empty scope list", ["keys", "create", "--workspace", "acme", "--name", "x", "--scopes", ",", "--json"]],
    ["a lifetime that is not a duration", ["keys", "create", "--workspace", "acme", "--name", "x", "--expires-in", "soon", "--json"]],
    ["a zero lifetime", ["keys", "create", "--workspace", "acme", "--name", "x", "--expires-in", "0s", "--json"]],
    ["an empty key name", ["keys", "create", "--workspace", "acme", "--name", " ", "--json"]],
    ["a grace that is not a duration", ["keys", "rotate", "key_x", "--grace", "1 day", "--json"]],
    ["a grace over 30 days", ["keys", "rotate", "key_x", "--grace", "31d", "--json"]],
  ])("exits 2 with a one-line error on %s", async (_what, args) => {
    const result = await runCli(data.dir, args);
    expect(result.code, result.stderr).toBe(2);
    expectOneLineError(result);
  });

  it("names the bad value and the valid ones in its message", async () => {
    const result = await runCli(data.dir, ["keys", "create", "--workspace", "acme", "--name", "x", "--scopes", "admin"]);
    expect(result.stderr).toMatch(/^keyward: unknown scope admin; valid scopes: prompts:read,/);
  });

  it.each([
    ["keys list", ["keys", "list", "--workspace", "nope", "--json"], /Workspace not found: nope/],
    ["keys create", ["keys", "create", "--workspace", "nope", "--name", "x", "--json"], /Workspace not found: nope/],
    ["keys get", ["keys", "get", "key_unknown", "--json"], /Key not found: key_unknown/],
    ["keys revoke", ["keys", "revoke", "key_unknown", "--json"], /Key not found: key_unknown/],
    ["keys rotate", ["keys", "rotate", "key_unknown", "--json"], /Key not found: key_unknown/],
  ])("exits 1 with a clear message for an unknown workspace or key (%s)", async (_command, args, message) => {
    const result = await runCli(data.dir, args);
    expect(result.code, result.stderr).toBe(1);
    expectOneLineError(result);
    expect(result.stderr).toMatch(message);
  });

  it("exits 2 on a bad environment variable, naming it", async () => {
    const result = await runCli(data.dir, ["keys", "get", keyId], { KEYWARD_CACHE_TTL_MS: "soon" });
    expect(result.code, result.stderr).toBe(2);
    expectOneLineError(result);
    expect(result.stderr).toContain("KEYWARD_CACHE_TTL_MS");
  });

  it("prints help and its version with exit code 0", async () => {
    const help = await runCli(data.dir, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("keys");
    expect(help.stdout).toContain("workspaces");
    const version = await runCli(data.dir, ["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
