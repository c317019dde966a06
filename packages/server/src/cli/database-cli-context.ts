import type { Kysely } from "kysely";
import { loadConfig, loadDotEnv } from "../config/index.js";
import { openDatabase } from "../store/index.js";

/**
 * The configured database (same variables as the server), opened as it is: whether to
 * migrate is each command's own decision. Closed after `run`.
 */
export async function withConfiguredDatabase<T>(run: (db: Kysely<unknown>, dialect: "sqlite" | "postgres") => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const opened = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await run(opened.db as unknown as Kysely<unknown>, opened.dialect);
  } finally {
    await opened.db.destroy();
  }
}
