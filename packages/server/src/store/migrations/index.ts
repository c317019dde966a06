import type { KeywardMigration } from "./migration.js";
import * as initial from "./0001-initial.js";

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, KeywardMigration> = {
  "0001-initial": initial,
};

export type { KeywardMigration, MigrationContext } from "./migration.js";
