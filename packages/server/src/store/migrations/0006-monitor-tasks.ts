import type { Kysely } from "kysely";

/**
 * Background monitor requests: queued by the API, claimed by workers in any instance
 * (a lease that expires hands the task of a dead instance to another one), kept 24 hours
 * after they end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("monitor_tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("key_id", "text", (c) => c.notNull())
    // "test" tasks get sandbox answers and are never charged, like the key that queued them.
    .addColumn("environment", "text", (c) => c.notNull())
    .addColumn("task_type", "text", (c) => c.notNull())
    // JSON {"prompt","country","brands"}
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("idempotency_key", "text")
    .addColumn("webhook_url", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lease_expires_at", "bigint")
    // JSON of the monitor result once COMPLETED; a safe message once FAILED.
    .addColumn("result", "text")
    .addColumn("error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("completed_at", "bigint")
    .execute();
  // NULL keys never collide, so only tasks that carry one are unique per workspace.
  await db.schema.createIndex("monitor_tasks_idempotency").on("monitor_tasks").columns(["workspace_id", "idempotency_key"]).unique().execute();
  await db.schema.createIndex("monitor_tasks_queue").on("monitor_tasks").columns(["status", "priority", "created_at"]).execute();
  await db.schema.createIndex("monitor_tasks_completed").on("monitor_tasks").column("completed_at").execute();
}
