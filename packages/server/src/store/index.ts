export type { Store } from "./store.js";
export { UniqueViolationError } from "./store.js";
export { KyselyStore, appendChange, CHANGE_CHANNEL } from "./kysely-store.js";
export { openDatabase, type OpenedDatabase } from "./open-database.js";
export { migrateToLatest } from "./migrate.js";
export { openStore } from "./open-store.js";
export type {
  ChangeEvent,
  KeyPage,
  KeyPatch,
  KeyRecord,
  SubscriptionStatus,
  UsageBatch,
  UsageOutcome,
  WorkspaceRecord,
} from "./records.js";
