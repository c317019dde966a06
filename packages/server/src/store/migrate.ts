import { Migrator, sql, type Kysely, type Migration } from "kysely";
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
  // Kysely looks for its bookkeeping tables in every schema unless told which one; another
  // schema of the same database (another installation, a parallel test) would fool it.
  const migrationTableSchema =
    context.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, migrationTableSchema, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
