import type { Kysely } from "kysely";

export interface MigrationContext {
  dialect: "sqlite" | "postgres";
}

export interface KeywardMigration {
  up(db: Kysely<unknown>, context: MigrationContext): Promise<void>;
}
