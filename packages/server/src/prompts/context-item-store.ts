import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { newId } from "../keys/index.js";
import type { Database } from "../store/schema.js";
import type { ContextItemRecord, NewContextItem, PromptRecord } from "./prompt-records.js";
import { contextItemFromRow } from "./prompt-rows.js";
import { DRAFT_VERSION } from "./prompt-store.js";

/**
 * Context items and the files behind them. A file's bytes are kept once per workspace and
 * content hash, shared by the draft and every version published from it, and deleted with the
 * last item that uses them. Adding or removing an item bumps the draft revision, like any edit.
 */
export class ContextItemStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The context items of several versions at once, each list in position order. */
  async listContextItems(versions: ReadonlyArray<{ promptId: string; version: number }>): Promise<ContextItemRecord[]> {
    if (versions.length === 0) return [];
    const rows = await this.db
      .selectFrom("prompt_context_items")
      .selectAll()
      .where((eb) => eb.or(versions.map((v) => eb.and([eb("prompt_id", "=", v.promptId), eb("version", "=", v.version)]))))
      .orderBy("position")
      .execute();
    return rows.map(contextItemFromRow);
  }

  /**
   * Adds an item to a prompt's draft (a file's bytes once per workspace and content) and bumps
   * the draft revision; null when the draft already holds `maxItems` items.
   */
  async addDraftContextItem(prompt: Pick<PromptRecord, "id" | "workspaceId">, item: NewContextItem, now: number, maxItems: number): Promise<ContextItemRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("prompts")
        .set((eb) => ({ draft_revision: eb("draft_revision", "+", 1) }))
        .where("id", "=", prompt.id)
        .execute();
      const stats = await trx
        .selectFrom("prompt_context_items")
        .select((eb) => [eb.fn.countAll().as("count"), eb.fn.max("position").as("last")])
        .where("prompt_id", "=", prompt.id)
        .where("version", "=", DRAFT_VERSION)
        .executeTakeFirst();
      if (Number(stats?.count ?? 0) >= maxItems) return null;
      const row = {
        id: newId("ctx"),
        workspace_id: prompt.workspaceId,
        prompt_id: prompt.id,
        version: DRAFT_VERSION,
        position: Number(stats?.last ?? 0) + 1,
        type: item.type,
        label: item.label,
        url: item.type === "url" ? item.url : null,
        file_name: item.type === "file" ? item.fileName : null,
        file_size: item.type === "file" ? item.bytes.length : null,
        mime_type: item.type === "file" ? item.mimeType : null,
        file_sha256: item.type === "file" ? createHash("sha256").update(item.bytes).digest("hex") : null,
        created_at: now,
      };
      if (item.type === "file") {
        await trx
          .insertInto("prompt_files")
          .values({ workspace_id: prompt.workspaceId, sha256: row.file_sha256!, size: item.bytes.length, bytes: item.bytes, created_at: now })
          .onConflict((oc) => oc.columns(["workspace_id", "sha256"]).doNothing())
          .execute();
      }
      await trx.insertInto("prompt_context_items").values(row).execute();
      return contextItemFromRow(row);
    });
  }

  /** Removes an item from a prompt's draft, and its file when no version uses it any more. */
  async removeDraftContextItem(promptId: string, itemId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom("prompt_context_items")
        .where("id", "=", itemId)
        .where("prompt_id", "=", promptId)
        .where("version", "=", DRAFT_VERSION)
        .returning(["workspace_id", "file_sha256"])
        .executeTakeFirst();
      if (!removed) return false;
      await trx
        .updateTable("prompts")
        .set((eb) => ({ draft_revision: eb("draft_revision", "+", 1) }))
        .where("id", "=", promptId)
        .execute();
      const sha256 = removed.file_sha256;
      if (sha256 !== null) {
        await trx
          .deleteFrom("prompt_files")
          .where("workspace_id", "=", removed.workspace_id)
          .where("sha256", "=", sha256)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom("prompt_context_items")
                  .select("id")
                  .where("workspace_id", "=", removed.workspace_id)
                  .where("file_sha256", "=", sha256),
              ),
            ),
          )
          .execute();
      }
      return true;
    });
  }

  async findContextItem(id: string): Promise<ContextItemRecord | null> {
    const row = await this.db.selectFrom("prompt_context_items").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? contextItemFromRow(row) : null;
  }

  async readFile(workspaceId: string, sha256: string): Promise<Buffer | null> {
    const row = await this.db
      .selectFrom("prompt_files")
      .select("bytes")
      .where("workspace_id", "=", workspaceId)
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row ? Buffer.from(row.bytes) : null;
  }
}
