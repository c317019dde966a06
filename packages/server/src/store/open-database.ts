import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: "sqlite" | "postgres";
  /** The SQLite file, for tests that scan it; undefined on PostgreSQL. */
  file: string | undefined;
}

// PostgreSQL returns int8 as text by default; our bigints are millisecond timestamps and
// counters, far below 2^53, so numbers are exact and simpler for every caller.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens SQLite in `dataDir` (WAL), or PostgreSQL when a `databaseUrl` is given. */
export function openDatabase(options: { dataDir: string; databaseUrl?: string | undefined }): OpenedDatabase {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5_000,
      query_timeout: 10_000,
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    // The pool stops listening for a client's errors while it is checked out; a connection
    // dropped mid-query (database restarted, network cut) would then emit an unhandled
    // 'error' and crash the process. The query itself still fails, and that is reported.
    pool.on("connect", (client) => {
      client.on("error", () => {});
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres", file: undefined };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, "keyward.db");
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma("journal_mode = WAL");
  // WAL + NORMAL survives a process crash (kill -9) with every committed transaction.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: "sqlite", file };
}
