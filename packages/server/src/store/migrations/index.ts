import type { KeywardMigration } from "./migration.js";
import * as initial from "./0001-initial.js";
import * as people from "./0002-people.js";
import * as prompts from "./0003-prompts.js";
import * as limits from "./0004-limits.js";
import * as consoleTables from "./0005-console.js";
import * as monitorTasks from "./0006-monitor-tasks.js";

/** Every migration, in order. Names never change once released. */
export const MIGRATIONS: Record<string, KeywardMigration> = {
  "0001-initial": initial,
  "0002-people": people,
  "0003-prompts": prompts,
  "0004-limits": limits,
  "0005-console": consoleTables,
  "0006-monitor-tasks": monitorTasks,
};

export type { KeywardMigration, MigrationContext } from "./migration.js";
