import type { Kysely } from "kysely";
import type { MigrationContext } from "./migration.js";

/**
 * The prompt registry: a prompt per (workspace, slug), its versions (0 is the draft), the
 * context items of each version, the files they point to (bytes in the database, so they
 * travel with a backup or an export), and server secrets such as the download-link key.
 */
export async function up(db: Kysely<unknown>, { dialect }: MigrationContext): Promise<void> {
  await db.schema
    .createTable("prompts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // The newest published version number; 0 while only the draft exists.
    .addColumn("latest_version", "integer", (c) => c.notNull().defaultTo(0))
    // Bumped by every change to the draft; publishing records the revision it published,
    // so "is there anything new to publish" is one conditional UPDATE.
    .addColumn("draft_revision", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("published_revision", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("prompts_workspace_slug", ["workspace_id", "slug"])
    .execute();
  await db.schema.createIndex("prompts_workspace_created").on("prompts").columns(["workspace_id", "created_at", "id"]).execute();

  await db.schema
    .createTable("prompt_versions")
    .addColumn("prompt_id", "text", (c) => c.notNull().references("prompts.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("system_prompt", "text")
    .addColumn("critique_prompt", "text")
    .addColumn("description", "text")
    .addColumn("category", "text")
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("published_at", "bigint")
    // Never two rows with the same number, whatever races the application loses.
    .addPrimaryKeyConstraint("prompt_versions_pk", ["prompt_id", "version"])
    .execute();

  await db.schema
    .createTable("prompt_files")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("bytes", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    // One copy per workspace and content: published versions share their draft's files.
    .addPrimaryKeyConstraint("prompt_files_pk", ["workspace_id", "sha256"])
    .execute();

  await db.schema
    .createTable("prompt_context_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("prompt_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("file_name", "text")
    .addColumn("file_size", "bigint")
    .addColumn("mime_type", "text")
    .addColumn("file_sha256", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addForeignKeyConstraint("prompt_context_items_version_fk", ["prompt_id", "version"], "prompt_versions", ["prompt_id", "version"], (fk) =>
      fk.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("prompt_context_items_version").on("prompt_context_items").columns(["prompt_id", "version", "position"]).execute();
  await db.schema.createIndex("prompt_context_items_file").on("prompt_context_items").columns(["workspace_id", "file_sha256"]).execute();

  await db.schema
    .createTable("server_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}
