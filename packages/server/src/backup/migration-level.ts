import { sql, type Kysely } from "kysely";
import { MIGRATIONS } from "../store/migrations/index.js";

/** The newest migration this build knows. */
export function latestMigration(): string | null {
  return Object.keys(MIGRATIONS).sort().at(-1) ?? null;
}

/**
 * The last migration applied to the connected database (its current schema on PostgreSQL),
 * or null when none was: read from the migrator's own table.
 */
export async function appliedMigrationLevel(db: Kysely<unknown>, tables: readonly string[]): Promise<string | null> {
  if (!tables.includes("kysely_migration")) return null;
  const row = (await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(db)).rows[0];
  return row?.name ?? null;
}
