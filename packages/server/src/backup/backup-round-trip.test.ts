import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { testDatabaseEnv } from "../test-support/driver-stores.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { exportInstallation } from "./export-installation.js";
import { importInstallation } from "./import-installation.js";

const postgresUrl = await postgresForTests("the SQLite ↔ PostgreSQL backup round trip");

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Keyward on SQLite (`postgres` false) or on a fresh PostgreSQL schema. */
async function start(postgres: boolean): Promise<TestKeyward> {
  const database = await testDatabaseEnv(postgres ? postgresUrl : undefined);
  // An empty DATABASE_URL pins SQLite even when the suite runs against PostgreSQL.
  const test = await startTestKeyward(postgres ? database.env : { DATABASE_URL: "" });
  cleanups.push(async () => {
    await test.close();
    await database.drop();
  });
  return test;
}

function dbOf(test: TestKeyward): Kysely<unknown> {
  return test.keyward.db as unknown as Kysely<unknown>;
}

async function exportText(test: TestKeyward): Promise<string> {
  let text = "";
  for await (const chunk of exportInstallation({ db: dbOf(test), dialect: test.config.databaseUrl ? "postgres" : "sqlite", pageSize: 2 })) text += chunk;
  return text;
}

/** The row lines of a backup, sorted: drivers may order text keys differently. */
function rowLines(text: string): string[] {
  return text.split("\n").filter((line) => line.startsWith('{"type":"row"')).sort();
}

const FILE_BYTES = Buffer.concat([Buffer.from([0, 255, 254, 0x80, 0xc3]), randomBytes(4096)]);

/** An installation with a bit of everything: members, keys, usage, a binary file. */
async function populate(test: TestKeyward): Promise<{ secret: string; revokedSecret: string }> {
  const workspace = await test.createWorkspace("acme");
  await test.addMember(workspace, "admin", "ada@example.com");
  const { secret, id } = await test.issueKey(workspace);
  const revoked = await test.issueKey(workspace);
  await test.keyward.keys.revoke(revoked.id);
  for (let i = 0; i < 3; i++) {
    const response = await test.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(response.statusCode).toBe(200);
  }
  await test.keyward.usage.flush();
  await test.keyward.db
    .insertInto("prompt_files")
    .values({ workspace_id: workspace.id, sha256: "f".repeat(64), size: FILE_BYTES.length, bytes: FILE_BYTES, created_at: 1_700_000_000_000 })
    .execute();
  expect(id).toMatch(/^key_/);
  return { secret, revokedSecret: revoked.secret };
}

describe.skipIf(postgresUrl === undefined)("backup round trip between SQLite and PostgreSQL", () => {
  it("moves every row from SQLite to PostgreSQL and back, binary files and key hashes intact", async () => {
    const sqlite = await start(false);
    const { secret, revokedSecret } = await populate(sqlite);
    const first = await exportText(sqlite);
    expect(first.split("\n")[0]).toContain('"dialect":"sqlite"');

    const postgres = await start(true);
    const toPostgres = await importInstallation({ db: dbOf(postgres), input: Readable.from([first]), batchRows: 3 });
    expect(toPostgres.source).toBe("sqlite");
    expect(toPostgres.tables.api_keys).toBe(2);

    // The key issued on SQLite verifies on PostgreSQL: hashes moved, nothing was re-issued.
    const onPostgres = await postgres.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(onPostgres.statusCode).toBe(200);
    const revokedOnPostgres = await postgres.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(revokedSecret) });
    expect(revokedOnPostgres.statusCode).toBe(401);
    await postgres.keyward.usage.flush();

    const second = await exportText(postgres);
    expect(second.split("\n")[0]).toContain('"dialect":"postgres"');
    const back = await start(false);
    await importInstallation({ db: dbOf(back), input: Readable.from([second]) });

    const file = await back.keyward.db.selectFrom("prompt_files").select("bytes").executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(file.bytes), FILE_BYTES)).toBe(0);
    const third = await exportText(back);
    // What PostgreSQL added by serving one request (usage, last use) came along; the rest is unchanged.
    expect(rowLines(third)).toEqual(rowLines(second));
    expect(rowLines(first).filter((line) => !line.includes('"table":"usage_hourly"') && !line.includes('"table":"api_keys"'))).toEqual(
      rowLines(second).filter((line) => !line.includes('"table":"usage_hourly"') && !line.includes('"table":"api_keys"')),
    );
    const onSqlite = await back.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(onSqlite.statusCode).toBe(200);
  });
});

describe("backup import refusals", () => {
  it("refuses to import into an installation that already has data", async () => {
    const source = await start(false);
    await populate(source);
    const text = await exportText(source);
    const target = await start(false);
    await target.createWorkspace("existing");
    await expect(importInstallation({ db: dbOf(target), input: Readable.from([text]) })).rejects.toThrow(/not empty/);
  });

  it("imports into an installation whose server has already started (its own secrets give way)", async () => {
    const source = await start(false);
    const { secret } = await populate(source);
    const target = await start(false);
    await target.keyward.db.insertInto("server_secrets").values({ name: "prompt_download_signing_key", value: "other", created_at: 1 }).onConflict((oc) => oc.column("name").doUpdateSet({ value: "other" })).execute();
    await importInstallation({ db: dbOf(target), input: Readable.from([await exportText(source)]) });
    const response = await target.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(response.statusCode).toBe(200);
  });

  it("refuses a backup made at another migration level", async () => {
    const source = await start(false);
    const text = (await exportText(source)).replace(/"migration":"[^"]+"/, '"migration":"0001-initial"');
    const target = await start(false);
    await expect(importInstallation({ db: dbOf(target), input: Readable.from([text]) })).rejects.toThrow(/migration 0001-initial/);
  });

  it("reports a truncated backup", async () => {
    const source = await start(false);
    await populate(source);
    const lines = (await exportText(source)).trimEnd().split("\n");
    const target = await start(false);
    await expect(importInstallation({ db: dbOf(target), input: Readable.from([lines.slice(0, -1).join("\n")]) })).rejects.toThrow(/truncated/);
  });

  it("refuses input that is not a backup", async () => {
    const target = await start(false);
    await expect(importInstallation({ db: dbOf(target), input: Readable.from(['{"hello":1}\n']) })).rejects.toThrow(/not a backup|unknown record|header/);
  });
});
