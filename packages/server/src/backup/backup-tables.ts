import { sql, type Kysely } from "kysely";

/** A table a backup carries, with the columns that order its rows (its primary key). */
export interface BackupTable {
  name: string;
  key: readonly string[];
}

/**
 * Every table a backup carries, parents before children so an import never breaks a
 * foreign key. A migration that adds a table must add it here (or to NOT_BACKED_UP): the
 * export refuses a database holding a table on neither list, and a test checks both lists
 * against a freshly migrated database.
 */
export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: "workspaces", key: ["id"] },
  { name: "users", key: ["id"] },
  { name: "memberships", key: ["workspace_id", "user_id"] },
  { name: "api_keys", key: ["id"] },
  { name: "key_rate_limits", key: ["key_id"] },
  { name: "workspace_credits", key: ["workspace_id"] },
  { name: "usage_hourly", key: ["key_id", "hour_start", "outcome"] },
  { name: "usage_daily", key: ["key_id", "day_start", "outcome"] },
  { name: "invitations", key: ["id"] },
  { name: "audit_entries", key: ["id"] },
  { name: "prompts", key: ["id"] },
  { name: "prompt_versions", key: ["prompt_id", "version"] },
  { name: "prompt_files", key: ["workspace_id", "sha256"] },
  { name: "prompt_context_items", key: ["id"] },
  { name: "server_secrets", key: ["name"] },
  { name: "console_sessions", key: ["id"] },
  { name: "console_setup_tokens", key: ["token_hash"] },
  { name: "console_sign_in_failures", key: ["subject"] },
  // Queued, running and recently ended monitor requests (kept 24 hours): a task in flight
  // resumes on the target when its lease expires.
  { name: "monitor_tasks", key: ["id"] },
];

/**
 * Tables a backup leaves out, and why: change events only tell running processes what to
 * drop from their caches (a fresh installation has nothing cached, and they are pruned
 * after a day); the migrator's bookkeeping is written by the target's own migrations.
 */
export const NOT_BACKED_UP: readonly string[] = ["change_events", "kysely_migration", "kysely_migration_lock"];

/**
 * Tables a server fills on its own at start or on a sign-in attempt: an installation whose
 * only rows are these still counts as empty, and an import replaces them.
 */
export const REPLACED_ON_IMPORT: readonly string[] = ["server_secrets", "console_setup_tokens", "console_sign_in_failures"];

/** The tables of the connected database (current schema on PostgreSQL), from its catalog. */
export async function listDatabaseTables(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<string[]> {
  const rows =
    dialect === "postgres"
      ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows;
  return rows.map((row) => row.name).sort();
}

/** Tables of the database that neither list knows: a backup would silently miss them. */
export function unknownTables(tables: readonly string[]): string[] {
  const known = new Set([...BACKUP_TABLES.map((table) => table.name), ...NOT_BACKED_UP]);
  return tables.filter((name) => !known.has(name));
}
