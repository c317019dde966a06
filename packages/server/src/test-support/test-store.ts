import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { newId } from "../keys/index.js";
import { openStore, type KyselyStore, type WorkspaceRecord } from "../store/index.js";
import { createTestSchema, testDatabaseUrl } from "./postgres-schema.js";

export interface TestStore {
  store: KyselyStore;
  /** A workspace created in the store, for the keys under test. */
  workspace: WorkspaceRecord;
  createWorkspace(slug?: string): Promise<WorkspaceRecord>;
  close(): Promise<void>;
}

/**
 * A migrated store on a fresh SQLite file (or a fresh PostgreSQL schema when
 * `KEYWARD_TEST_DATABASE_URL` is set), for service tests that need real storage but no app.
 *
 * @example const { store, workspace, close } = await openTestStore();
 */
export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-store-"));
  const postgresUrl = testDatabaseUrl();
  const schema = postgresUrl ? await createTestSchema(postgresUrl) : undefined;
  const store = await openStore({ dataDir, databaseUrl: schema?.url });
  let counter = 0;
  const createWorkspace = async (slug?: string): Promise<WorkspaceRecord> => {
    const workspace: WorkspaceRecord = {
      id: newId("ws"),
      slug: slug ?? `ws-${++counter}`,
      name: "Test workspace",
      visibility: "private",
      subscriptionStatus: "active",
      plan: "free",
      createdAt: Date.now(),
    };
    await store.createWorkspace(workspace);
    return workspace;
  };
  const workspace = await createWorkspace();
  return {
    store,
    workspace,
    createWorkspace,
    async close() {
      await store.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
