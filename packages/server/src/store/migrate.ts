import { Migrator, type Kysely, type Migration } from "kysely";
import { MIGRATIONS, type MigrationContext } from "./migrations/index.js";

/**
 * Applies every pending migration. Kysely's migrator takes a lock first (an advisory
 * lock on PostgreSQL), so instances starting together don't race.
 */
export async function migrateToLatest(db: Kysely<unknown>, context: MigrationContext): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (database) => migration.up(database, context) };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
