import { loadConfig, loadDotEnv } from "../config/index.js";
import { KeyService } from "../management/index.js";
import { openStore, type Store } from "../store/index.js";
import { WorkspaceService } from "../workspaces/index.js";

/** What a command works with: the same storage the server uses, chosen by the same variables. */
export interface CliContext {
  store: Store;
  keys: KeyService;
  workspaces: WorkspaceService;
}

export async function withCliContext<T>(run: (context: CliContext) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    // Running servers see these changes through the store's change feed, not this process's cache.
    return await run({ store, keys: new KeyService(store), workspaces: new WorkspaceService(store) });
  } finally {
    await store.close();
  }
}
