import type { Kysely } from "kysely";

/**
 * The dashboard's own state: sign-in sessions, the first-run setup token and sign-in
 * throttling. Tokens are stored only as their SHA-256; the plaintext lives in a cookie or
 * a log line shown once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("console_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    // The workspace the user last switched to; null means "their first one".
    .addColumn("workspace_id", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_seen_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("console_sessions_user").on("console_sessions").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("console_setup_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();

  // One row per throttled subject ("account:<email>" or "ip:<address>"): a fixed window
  // of failures, so every instance sharing the database sees the same count.
  await db.schema
    .createTable("console_sign_in_failures")
    .addColumn("subject", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "bigint", (c) => c.notNull())
    .execute();
}
