import type { Kysely } from "kysely";
import { KyselyStore } from "./kysely-store.js";
import { migrateToLatest } from "./migrate.js";
import { openDatabase } from "./open-database.js";

/** Opens the configured database, applies pending migrations, and returns the store. */
export async function openStore(options: { dataDir: string; databaseUrl?: string | undefined }): Promise<KyselyStore> {
  const opened = openDatabase(options);
  try {
    await migrateToLatest(opened.db as unknown as Kysely<unknown>, { dialect: opened.dialect });
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return new KyselyStore(opened.db, opened.dialect);
}
