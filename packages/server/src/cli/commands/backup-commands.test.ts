import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { postgresForTests } from "../../test-support/postgres-availability.js";
import { createTestSchema } from "../../test-support/postgres-schema.js";
import { CLI_BIN, runCli, runCliJson, startServerProcess, tempDataDir, type CliResult, type ServerProcess } from "../../test-support/processes.js";

const postgresUrl = await postgresForTests("the migrate, export and import commands on PostgreSQL");

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const data = tempDataDir();
  cleanups.push(() => data.remove());
  return data.dir;
}

async function schemaUrl(): Promise<string> {
  const schema = await createTestSchema(postgresUrl!);
  cleanups.push(() => schema.drop());
  return schema.url;
}

async function server(dir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const started = await startServerProcess(dir, env);
  cleanups.push(async () => {
    await started.stop();
  });
  return started;
}

/** `keyward import` with a backup on stdin (runCli has no stdin). */
function importCli(dir: string, backup: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, KEYWARD_DATA_DIR: dir, ...env };
    if (!("DATABASE_URL" in env)) delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, [CLI_BIN, "import", "--json"], { cwd: dir, env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(backup);
  });
}

async function exportCli(dir: string, env: Record<string, string> = {}): Promise<string> {
  const result = await runCli(dir, ["export"], env);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

async function healthStatus(url: string, secret: string): Promise<number> {
  const response = await fetch(`${url}/v1/health`, { headers: { authorization: `Bearer ${secret}` } });
  return response.status;
}

describe("keyward migrate", () => {
  it("applies every pending migration once, then reports none pending", async () => {
    const dir = dataDir();
    const first = await runCliJson<{ applied: string[]; latest: string }>(dir, ["migrate"]);
    expect(first.applied).toContain("0001-initial");
    expect(first.applied.at(-1)).toBe(first.latest);
    const second = await runCliJson<{ applied: string[] }>(dir, ["migrate"]);
    expect(second.applied).toEqual([]);
    const text = await runCli(dir, ["migrate"]);
    expect(text.stdout).toMatch(/No pending migrations/);
  });
});

describe("keyward import refusals", () => {
  it("exits 1 with a clear message when the target already has data", async () => {
    const source = dataDir();
    await runCliJson(source, ["workspaces", "create", "acme"]);
    const backup = await exportCli(source);
    const target = dataDir();
    await runCliJson(target, ["workspaces", "create", "other"]);
    const result = await importCli(target, backup);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/keyward: the target installation is not empty/);
  });
});

describe.skipIf(postgresUrl === undefined)("keyward export and import across drivers", () => {
  it("moves an installation SQLite → PostgreSQL → SQLite, and a key issued at the start verifies on each copy", async () => {
    const sqlite = dataDir();
    await runCliJson(sqlite, ["workspaces", "create", "acme"]);
    const issued = await runCliJson<{ key: string }>(sqlite, ["keys", "create", "--workspace", "acme", "--name", "Server"]);
    const backup = await exportCli(sqlite);
    expect(backup.split("\n")[0]).toContain('"dialect":"sqlite"');
    expect(backup).not.toContain(issued.key);

    const databaseUrl = await schemaUrl();
    const pgDir = dataDir();
    const imported = await importCli(pgDir, backup, { DATABASE_URL: databaseUrl });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ source: "sqlite" });
    const onPostgres = await server(pgDir, { DATABASE_URL: databaseUrl });
    await expect(healthStatus(onPostgres.url, issued.key)).resolves.toBe(200);

    const fromPostgres = await exportCli(pgDir, { DATABASE_URL: databaseUrl });
    expect(fromPostgres.split("\n")[0]).toContain('"dialect":"postgres"');
    const back = dataDir();
    const reimported = await importCli(back, fromPostgres);
    expect(reimported.code, reimported.stderr).toBe(0);
    const onSqlite = await server(back);
    await expect(healthStatus(onSqlite.url, issued.key)).resolves.toBe(200);
  });

  it("starts two servers together on one fresh PostgreSQL schema: both migrate under the lock and come up", async () => {
    const databaseUrl = await schemaUrl();
    const [a, b] = await Promise.all([server(dataDir(), { DATABASE_URL: databaseUrl }), server(dataDir(), { DATABASE_URL: databaseUrl })]);
    for (const instance of [a, b]) {
      const ready = await fetch(`${instance.url}/readyz`);
      expect(ready.status).toBe(200);
    }
    // Both ran every migration between them, and nothing is left for an explicit run.
    const status = await runCli(dataDir(), ["migrate", "--json"], { DATABASE_URL: databaseUrl });
    expect(JSON.parse(status.stdout)).toMatchObject({ applied: [] });
  });
});
