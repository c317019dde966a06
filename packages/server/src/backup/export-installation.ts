import { sql, type Kysely } from "kysely";
import { BACKUP_TABLES, listDatabaseTables, unknownTables, type BackupTable } from "./backup-tables.js";
import { BACKUP_FORMAT_VERSION, encodeRowLine, type BackupEnd, type BackupHeader } from "./backup-format.js";
import { appliedMigrationLevel, latestMigration } from "./migration-level.js";

export class BackupRefusedError extends Error {
  override name = "BackupRefusedError";
}

export interface ExportOptions {
  db: Kysely<unknown>;
  dialect: "sqlite" | "postgres";
  /** Rows read per query; memory holds one page at a time. */
  pageSize?: number;
  now?: () => number;
}

/** One page of a table after `after` (its key values), in key order. */
async function readPage(db: Kysely<unknown>, table: BackupTable, after: unknown[] | undefined, limit: number): Promise<Record<string, unknown>[]> {
  const keys = sql.join(table.key.map((column) => sql.ref(column)));
  const where = after === undefined ? sql`` : sql`where (${keys}) > (${sql.join(after.map((value) => sql`${value}`))})`;
  const query = sql<Record<string, unknown>>`select * from ${sql.table(table.name)} ${where} order by ${keys} limit ${limit}`;
  return (await query.execute(db)).rows;
}

/**
 * The whole installation as JSON Lines: a header, every row of every table in
 * foreign-key-safe order, and an end line with the row count. Reads page by page in key
 * order, so memory stays flat whatever the size of the installation.
 *
 * @example
 * await pipeline(Readable.from(exportInstallation({ db, dialect })), process.stdout);
 */
export async function* exportInstallation(options: ExportOptions): AsyncGenerator<string> {
  const { dialect } = options;
  const pageSize = options.pageSize ?? 500;
  // One read-only snapshot for the whole export: rows written meanwhile (a key of a
  // workspace created after the workspaces were read) cannot break the backup's consistency.
  const begin = options.db.startTransaction();
  const db = await (dialect === "postgres" ? begin.setIsolationLevel("repeatable read").setAccessMode("read only") : begin).execute();
  try {
    yield* exportFrom(db as unknown as Kysely<unknown>, dialect, pageSize, options.now ?? Date.now);
  } finally {
    // Nothing was written: ending the snapshot either way is the same.
    await db.rollback().execute();
  }
}

async function* exportFrom(db: Kysely<unknown>, dialect: "sqlite" | "postgres", pageSize: number, now: () => number): AsyncGenerator<string> {
  const tables = await listDatabaseTables(db, dialect);
  const unknown = unknownTables(tables);
  if (unknown.length > 0) {
    throw new BackupRefusedError(`the database has tables this version does not know how to back up: ${unknown.join(", ")}`);
  }
  const migration = await appliedMigrationLevel(db, tables);
  if (migration !== latestMigration()) {
    throw new BackupRefusedError(`the database is at migration ${migration ?? "(none)"}, not ${latestMigration()}: run \`keyward migrate\` first`);
  }
  const header: BackupHeader = {
    type: "header",
    format: "keyward-backup",
    version: BACKUP_FORMAT_VERSION,
    dialect,
    migration,
    createdAt: now(),
    tables: BACKUP_TABLES.map((table) => table.name),
  };
  yield `${JSON.stringify(header)}\n`;
  let rows = 0;
  for (const table of BACKUP_TABLES) {
    let after: unknown[] | undefined;
    for (;;) {
      const page = await readPage(db, table, after, pageSize);
      if (page.length === 0) break;
      yield page.map((row) => `${encodeRowLine(table.name, row)}\n`).join("");
      rows += page.length;
      const last = page[page.length - 1]!;
      after = table.key.map((column) => last[column]);
      if (page.length < pageSize) break;
    }
  }
  yield `${JSON.stringify({ type: "end", rows } satisfies BackupEnd)}\n`;
}
