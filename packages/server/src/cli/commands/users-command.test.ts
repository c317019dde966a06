import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/index.js";
import { CLI_BIN, runCli, runCliJson, tempDataDir, type CliResult } from "../../test-support/processes.js";
import { UserService } from "../../workspaces/index.js";

const PASSWORD = "correct horse battery staple";

/** Runs the real binary with `input` on stdin (runCli closes stdin at once). */
function runCliWithInput(dataDir: string, args: string[], input: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, KEYWARD_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: dataDir, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

// Each step starts the real binary: give a loaded machine time.
describe("keyward users", { timeout: 90_000 }, () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => {
    data.remove();
  });

  it("create --json prints the user with a normalised email and no password", async () => {
    const user = await runCliJson(data.dir, ["users", "create", "--email", "Ada@Example.com", "--name", "Ada Lovelace"]);
    expect(user).toMatchObject({ id: expect.stringMatching(/^usr_/), email: "ada@example.com", displayName: "Ada Lovelace", hasPassword: false });
  });

  it("create without a password says the user cannot sign in yet", async () => {
    const result = await runCli(data.dir, ["users", "create", "--email", "ada@example.com"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created user ada@example.com \(usr_\w+\)/);
    expect(result.stdout).toMatch(/No password set: ada@example.com cannot sign in/);
  });

  it("create --password-stdin reads one line, stores only its hash and never prints it", async () => {
    const result = await runCliWithInput(data.dir, ["users", "create", "--email", "ada@example.com", "--password-stdin", "--json"], `${PASSWORD}\nignored\n`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ hasPassword: true });
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    const store = await openStore({ dataDir: data.dir });
    try {
      const users = new UserService(store.db);
      await expect(users.verifyPassword("ada@example.com", PASSWORD)).resolves.toMatchObject({ email: "ada@example.com" });
      await expect(users.verifyPassword("ada@example.com", `${PASSWORD}\n`)).resolves.toBeNull();
    } finally {
      await store.close();
    }
  });

  it("set-password gives an existing user a password from stdin", async () => {
    await runCliJson(data.dir, ["users", "create", "--email", "ada@example.com"]);
    const result = await runCliWithInput(data.dir, ["users", "set-password", "--email", "ada@example.com", "--json"], `${PASSWORD}\r\n`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: "ada@example.com", hasPassword: true });
  });

  it("exits 2 on bad arguments: a malformed email, an empty or short password, a missing --email", async () => {
    expect((await runCli(data.dir, ["users", "create", "--email", "not-an-email"])).code).toBe(2);
    expect((await runCliWithInput(data.dir, ["users", "create", "--email", "a@example.com", "--password-stdin"], "\n")).code).toBe(2);
    expect((await runCliWithInput(data.dir, ["users", "create", "--email", "a@example.com", "--password-stdin"], "short\n")).code).toBe(2);
    expect((await runCli(data.dir, ["users", "create"])).code).toBe(2);
  });

  it("exits 1 for a duplicate email and for set-password on an unknown user", async () => {
    await runCliJson(data.dir, ["users", "create", "--email", "ada@example.com"]);
    const duplicate = await runCli(data.dir, ["users", "create", "--email", "ADA@example.com"]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^keyward: A user with email ada@example.com already exists\n$/);
    expect((await runCliWithInput(data.dir, ["users", "set-password", "--email", "nobody@example.com"], `${PASSWORD}\n`)).code).toBe(1);
  });
});
