import type { Kysely } from "kysely";
import type { MigrationContext } from "./migration.js";

/**
 * Limits, credits and usage analytics: per-key rate-limit overrides, each workspace's
 * credit balance for its current billing cycle, credits and client IP in usage, and
 * daily usage rows that hourly ones are rolled into when they age out.
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable("key_rate_limits")
    .addColumn("key_id", "text", (c) => c.primaryKey().references("api_keys.id").onDelete("cascade"))
    .addColumn("workspace_id", "text", (c) => c.notNull())
    // JSON [{"limit":100,"seconds":60},…]: replaces the plan's windows for this key.
    .addColumn("windows", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  // One row per workspace, created at its first charge; the plan says how much a cycle brings.
  await db.schema
    .createTable("workspace_credits")
    .addColumn("workspace_id", "text", (c) => c.primaryKey().references("workspaces.id").onDelete("cascade"))
    .addColumn("balance", "bigint", (c) => c.notNull())
    .addColumn("cycle_started_at", "bigint", (c) => c.notNull())
    .addColumn("cycle_resets_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("usage_hourly").addColumn("credits", "bigint", (c) => c.notNull().defaultTo(0)).execute();
  // Compaction selects by age alone.
  await db.schema.createIndex("usage_hourly_hour").on("usage_hourly").column("hour_start").execute();

  await db.schema
    .createTable("usage_daily")
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("day_start", "bigint", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("count", "bigint", (c) => c.notNull())
    .addColumn("credits", "bigint", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("usage_daily_pk", ["key_id", "day_start", "outcome"])
    .execute();
  await db.schema.createIndex("usage_daily_workspace_day").on("usage_daily").columns(["workspace_id", "day_start"]).execute();
  await db.schema.createIndex("usage_daily_day").on("usage_daily").column("day_start").execute();

  await db.schema.alterTable("api_keys").addColumn("last_used_ip", "text").execute();
}
