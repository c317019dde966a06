import { AuditLog, CLI_ACTOR } from "../audit/index.js";
import { loadConfig, loadDotEnv } from "../config/index.js";
import { KeyService } from "../management/index.js";
import type { Kysely } from "kysely";
import { openStore, type Store } from "../store/index.js";
import type { Database } from "../store/schema.js";
import {
  createPeopleServices,
  type InvitationService,
  type MembershipService,
  type UserService,
  type WorkspaceService,
} from "../workspaces/index.js";

/** What a command works with: the same storage the server uses, chosen by the same variables. */
export interface CliContext {
  store: Store;
  /** The query builder over the same database, for feature stores. */
  db: Kysely<Database>;
  keys: KeyService;
  workspaces: WorkspaceService;
  users: UserService;
  members: MembershipService;
  invitations: InvitationService;
  audit: AuditLog;
}

export async function withCliContext<T>(run: (context: CliContext) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    // Running servers see these changes through the store's change feed, not this process's cache.
    // Every change is audited as made by the CLI.
    const audit = new AuditLog(store.db);
    const keys = new KeyService(store, () => {}, Date.now, { audit, defaultActor: CLI_ACTOR });
    const people = createPeopleServices({ store, db: store.db, audit });
    return await run({
      store,
      db: store.db,
      keys,
      audit,
      workspaces: people.workspaces,
      users: people.users,
      members: people.memberships,
      invitations: people.invitations,
    });
  } finally {
    await store.close();
  }
}
