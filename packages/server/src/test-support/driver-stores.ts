import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type KyselyStore } from "../store/index.js";
import { createTestSchema } from "./postgres-schema.js";

/** A migrated store on one driver, and how to throw it away. */
export interface DriverStore {
  store: KyselyStore;
  cleanup(): Promise<void>;
}

/**
 * A migrated store on a fresh SQLite file.
 *
 * @example describePromptStoreConformance("SQLite", openSqliteTestStore);
 */
export async function openSqliteTestStore(): Promise<DriverStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-driver-"));
  const store = await openStore({ dataDir });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A migrated store on a fresh schema of the PostgreSQL database at `baseUrl`.
 *
 * @example const url = await postgresForTests("my suite"); if (url) await openPostgresTestStore(url);
 */
export async function openPostgresTestStore(baseUrl: string): Promise<DriverStore> {
  const schema = await createTestSchema(baseUrl);
  const store = await openStore({ dataDir: tmpdir(), databaseUrl: schema.url });
  return {
    store,
    async cleanup() {
      await store.close();
      await schema.drop();
    },
  };
}

/**
 * Environment for `startTestKeyward` on SQLite (no `postgresUrl`) or on a fresh PostgreSQL
 * schema, with what drops that schema afterwards.
 */
export async function testDatabaseEnv(postgresUrl?: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (postgresUrl === undefined) return { env: {}, drop: async () => {} };
  const schema = await createTestSchema(postgresUrl);
  return { env: { DATABASE_URL: schema.url }, drop: () => schema.drop() };
}
