import type { Kysely } from "kysely";
import { newId } from "../keys/index.js";
import { UniqueViolationError } from "../store/index.js";
import { isUniqueViolation } from "../store/row-mapping.js";
import type { Database } from "../store/schema.js";
import type { PromptFields, PromptListRow, PromptRecord, PromptVersionRecord } from "./prompt-records.js";
import { fieldsToRow, promptFromRow, versionFromRow } from "./prompt-rows.js";

export const DRAFT_VERSION = 0;

/** A page position: prompts strictly after it, newest first. */
export interface PromptPosition {
  createdAt: number;
  id: string;
}

/**
 * The registry's storage, over the same Kysely database as the core store, with queries that
 * run on SQLite and PostgreSQL alike. Every draft mutation bumps `draft_revision` in the same
 * transaction, which is what publishing compares against.
 */
export class PromptStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts a prompt with its draft; UniqueViolationError when the slug is taken in the workspace. */
  async insertPrompt(prompt: PromptRecord, draft: PromptFields): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("prompts")
          .values({
            id: prompt.id,
            workspace_id: prompt.workspaceId,
            slug: prompt.slug,
            created_at: prompt.createdAt,
            latest_version: 0,
            draft_revision: prompt.draftRevision,
            published_revision: prompt.publishedRevision,
          })
          .execute();
        await trx
          .insertInto("prompt_versions")
          .values({
            prompt_id: prompt.id,
            version: DRAFT_VERSION,
            ...fieldsToRow(draft),
            created_at: prompt.createdAt,
            updated_at: prompt.createdAt,
            published_at: null,
          })
          .execute();
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UniqueViolationError(`prompt slug "${prompt.slug}" is taken`);
      throw error;
    }
  }

  async findPrompt(workspaceId: string, slug: string): Promise<PromptRecord | null> {
    const row = await this.db
      .selectFrom("prompts")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("slug", "=", slug)
      .executeTakeFirst();
    return row ? promptFromRow(row) : null;
  }

  async findVersion(promptId: string, version: number): Promise<PromptVersionRecord | null> {
    const row = await this.db
      .selectFrom("prompt_versions")
      .selectAll()
      .where("prompt_id", "=", promptId)
      .where("version", "=", version)
      .executeTakeFirst();
    return row ? versionFromRow(row) : null;
  }

  /** Every version of a prompt, newest first, the draft last. */
  async listVersions(promptId: string): Promise<PromptVersionRecord[]> {
    const rows = await this.db
      .selectFrom("prompt_versions")
      .selectAll()
      .where("prompt_id", "=", promptId)
      .orderBy("version", "desc")
      .execute();
    const versions = rows.map(versionFromRow);
    return [...versions.filter((v) => v.version !== DRAFT_VERSION), ...versions.filter((v) => v.version === DRAFT_VERSION)];
  }

  /** Replaces the draft's fields and bumps its revision. */
  async updateDraft(promptId: string, fields: PromptFields, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("prompts")
        .set((eb) => ({ draft_revision: eb("draft_revision", "+", 1) }))
        .where("id", "=", promptId)
        .execute();
      await trx
        .updateTable("prompt_versions")
        .set({ ...fieldsToRow(fields), updated_at: now })
        .where("prompt_id", "=", promptId)
        .where("version", "=", DRAFT_VERSION)
        .execute();
    });
  }

  /**
   * Copies the draft, with its context items, into the next version number, and returns that
   * number; null when the draft has not changed since the last publish. The conditional
   * UPDATE claims the number: of two publishes racing, the second finds nothing left to
   * publish (PostgreSQL re-checks its WHERE after the first commits; SQLite runs them one
   * after the other), and the (prompt_id, version) key refuses a duplicate regardless.
   */
  async publishDraft(promptId: string, now: number): Promise<number | null> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable("prompts")
          .set((eb) => ({ latest_version: eb("latest_version", "+", 1), published_revision: eb.ref("draft_revision") }))
          .where("id", "=", promptId)
          .where((eb) => eb("published_revision", "<", eb.ref("draft_revision")))
          .returning("latest_version")
          .executeTakeFirst();
        if (!claimed) return null;
        const version = Number(claimed.latest_version);
        const draft = await trx
          .selectFrom("prompt_versions")
          .selectAll()
          .where("prompt_id", "=", promptId)
          .where("version", "=", DRAFT_VERSION)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("prompt_versions")
          .values({ ...draft, version, created_at: now, updated_at: now, published_at: now })
          .execute();
        const items = await trx
          .selectFrom("prompt_context_items")
          .selectAll()
          .where("prompt_id", "=", promptId)
          .where("version", "=", DRAFT_VERSION)
          .execute();
        if (items.length > 0) {
          // New ids: a published item must stay downloadable after the draft's copy is removed.
          await trx
            .insertInto("prompt_context_items")
            .values(items.map((item) => ({ ...item, id: newId("ctx"), version, created_at: now })))
            .execute();
        }
        return version;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** A workspace's prompts, newest first, each at its latest published version or its draft. */
  async listLatest(workspaceId: string, page: { limit: number; after?: PromptPosition | undefined }): Promise<PromptListRow[]> {
    let query = this.db
      .selectFrom("prompts as p")
      .innerJoin("prompt_versions as v", (join) => join.onRef("v.prompt_id", "=", "p.id").onRef("v.version", "=", "p.latest_version"))
      .selectAll("v")
      .select([
        "p.id as p_id",
        "p.workspace_id as p_workspace_id",
        "p.slug as p_slug",
        "p.created_at as p_created_at",
        "p.latest_version as p_latest_version",
        "p.draft_revision as p_draft_revision",
        "p.published_revision as p_published_revision",
      ])
      .where("p.workspace_id", "=", workspaceId);
    const after = page.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb("p.created_at", "<", after.createdAt),
          eb.and([eb("p.created_at", "=", after.createdAt), eb("p.id", "<", after.id)]),
        ]),
      );
    }
    const rows = await query.orderBy("p.created_at", "desc").orderBy("p.id", "desc").limit(page.limit).execute();
    return rows.map((row) => ({
      prompt: promptFromRow({
        id: row.p_id,
        workspace_id: row.p_workspace_id,
        slug: row.p_slug,
        created_at: row.p_created_at,
        latest_version: row.p_latest_version,
        draft_revision: row.p_draft_revision,
        published_revision: row.p_published_revision,
      }),
      version: versionFromRow(row),
    }));
  }
}
