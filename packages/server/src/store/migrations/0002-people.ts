import { sql, type Kysely } from "kysely";
import type { MigrationContext } from "./migration.js";

/**
 * People: invitations into workspaces, and the append-only audit log.
 * (Users and memberships exist since 0001; this adds the index the "my workspaces" list needs.)
 */
export async function up(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  await db.schema.createIndex("memberships_user").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    // SHA-256 of the token: the token itself exists only in the response that created it.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("accepted_at", "bigint")
    .addColumn("accepted_by", "text")
    .addColumn("revoked_at", "bigint")
    .execute();
  await db.schema.createIndex("invitations_workspace").on("invitations").columns(["workspace_id", "created_at"]).execute();

  // No foreign key to workspaces: the record of what happened outlives what it happened to.
  await db.schema
    .createTable("audit_entries")
    // Ids sort in the order entries were written (see audit-log.ts); byte order keeps that
    // true whatever collation the PostgreSQL database was created with.
    .addColumn("id", dialect === "postgres" ? sql`text collate "C"` : "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text")
    .addColumn("actor_type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("ip", "text")
    .addColumn("metadata", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_entries_workspace_created")
    .on("audit_entries")
    .columns(["workspace_id", "created_at", "id"])
    .execute();

  // Append-only is enforced by the database too, so no code path (or hand-written query)
  // can quietly rewrite history.
  if (dialect === "postgres") {
    await sql`
      create function keyward_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entries is append-only';
      end;
      $$`.execute(db);
    await sql`
      create trigger audit_entries_append_only before update or delete on audit_entries
      for each row execute function keyward_audit_append_only()`.execute(db);
  } else {
    await sql`
      create trigger audit_entries_no_update before update on audit_entries
      begin select raise(abort, 'audit_entries is append-only'); end`.execute(db);
    await sql`
      create trigger audit_entries_no_delete before delete on audit_entries
      begin select raise(abort, 'audit_entries is append-only'); end`.execute(db);
  }
}
