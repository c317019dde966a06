import { createInterface } from "node:readline";
import { sql, type Kysely } from "kysely";
import { BACKUP_TABLES, REPLACED_ON_IMPORT } from "./backup-tables.js";
import { BackupFormatError, parseBackupLine, type BackupHeader } from "./backup-format.js";
import { BackupRefusedError } from "./export-installation.js";
import { latestMigration } from "./migration-level.js";

export interface ImportOptions {
  /** A migrated, empty installation. */
  db: Kysely<unknown>;
  /** JSON Lines, as `exportInstallation` wrote them. */
  input: NodeJS.ReadableStream;
  /** Rows written per transaction. */
  batchRows?: number;
  /** Characters of JSON per transaction, so batches of large prompt files stay small. */
  batchChars?: number;
}

export interface ImportSummary {
  source: BackupHeader["dialect"];
  migration: string | null;
  rows: number;
  tables: Record<string, number>;
}

const TABLE_ORDER = new Map(BACKUP_TABLES.map((table, index) => [table.name, index]));

/** Rows already in the target, ignoring the tables a server fills on its own. */
async function assertEmpty(db: Kysely<unknown>): Promise<void> {
  for (const table of BACKUP_TABLES) {
    if (REPLACED_ON_IMPORT.includes(table.name)) continue;
    const found = (await sql<{ one: number }>`select 1 as one from ${sql.table(table.name)} limit 1`.execute(db)).rows;
    if (found.length > 0) {
      throw new BackupRefusedError(`the target installation is not empty (table ${table.name} has rows): import only into a fresh installation`);
    }
  }
}

/**
 * Loads a backup into an empty installation: checks the header against this build's
 * migrations, then writes rows in batches, one transaction per batch, in the backup's
 * (foreign-key-safe) table order. Reads the input line by line, so memory holds one batch.
 * Keys move as their hashes: every key of the source verifies on the target.
 *
 * @example const summary = await importInstallation({ db, input: process.stdin });
 */
export async function importInstallation(options: ImportOptions): Promise<ImportSummary> {
  const { db } = options;
  const batchRows = options.batchRows ?? 500;
  const batchChars = options.batchChars ?? 4_000_000;
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  let header: BackupHeader | undefined;
  let ended = false;
  let lineNumber = 0;
  let table: string | undefined;
  let batch: Record<string, unknown>[] = [];
  let batchSize = 0;
  let tableIndex = -1;
  const counts: Record<string, number> = {};
  let total = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0 || table === undefined) return;
    const rows = batch;
    const name = table;
    batch = [];
    batchSize = 0;
    await db.transaction().execute(async (trx) => {
      await (trx as Kysely<Record<string, Record<string, unknown>>>).insertInto(name).values(rows).execute();
    });
    counts[name] = (counts[name] ?? 0) + rows.length;
    total += rows.length;
  };

  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === "") continue;
    if (ended) throw new BackupFormatError(`line ${lineNumber} follows the end of the backup`);
    const line = parseBackupLine(text, lineNumber);
    if (header === undefined) {
      if (line.type !== "header") throw new BackupFormatError("the backup does not start with its header line");
      if (line.migration !== latestMigration()) {
        throw new BackupRefusedError(
          `the backup is at migration ${line.migration ?? "(none)"} but this installation is at ${latestMigration()}: export and import with the same Keyward version`,
        );
      }
      header = line;
      await assertEmpty(db);
      // What a server wrote on its own (a signing secret, a setup link) gives way to the backup's.
      await db.transaction().execute(async (trx) => {
        for (const name of REPLACED_ON_IMPORT) await sql`delete from ${sql.table(name)}`.execute(trx);
      });
      continue;
    }
    if (line.type === "header") throw new BackupFormatError(`line ${lineNumber} is a second header`);
    if (line.type === "end") {
      await flush();
      if (line.rows !== total) throw new BackupFormatError(`the backup announces ${line.rows} rows but holds ${total}`);
      ended = true;
      continue;
    }
    const index = TABLE_ORDER.get(line.table);
    if (index === undefined) throw new BackupFormatError(`line ${lineNumber} belongs to unknown table ${line.table}`);
    if (line.table !== table) {
      if (index < tableIndex) throw new BackupFormatError(`line ${lineNumber}: table ${line.table} comes after a table that depends on it`);
      await flush();
      table = line.table;
      tableIndex = index;
    }
    batch.push(line.row);
    batchSize += text.length;
    if (batch.length >= batchRows || batchSize >= batchChars) await flush();
  }
  if (header === undefined) throw new BackupFormatError("the backup is empty");
  if (!ended) {
    await flush();
    throw new BackupFormatError("the backup is truncated (no end line): the rows read so far were imported");
  }
  return { source: header.dialect, migration: header.migration, rows: total, tables: counts };
}
