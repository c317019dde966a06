import { PostgresAdapter, sql, type Kysely, type Transaction, type Updateable } from "kysely";
import type { ChangeEvent, KeyPage, KeyPatch, KeyRecord, UsageBatch, WorkspaceRecord } from "./records.js";
import { isUniqueViolation, keyFromRow, keyToRow, workspaceFromRow } from "./row-mapping.js";
import type { ApiKeysTable, Database } from "./schema.js";
import { UniqueViolationError, type Store } from "./store.js";

type Executor = Kysely<Database> | Transaction<Database>;

// Well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535 (5 per row).
const USAGE_ROWS_PER_STATEMENT = 500;

/** The PostgreSQL channel that wakes change-feed readers as soon as a change commits. */
export const CHANGE_CHANNEL = "keyward_changes";

/**
 * Appends a change event inside the caller's transaction. On PostgreSQL it also sends a
 * NOTIFY, delivered at commit, so other instances read the feed at once instead of at
 * their next poll.
 */
export async function appendChange(db: Executor, kind: ChangeEvent["kind"], subject: string): Promise<void> {
  await db.insertInto("change_events").values({ kind, subject, created_at: Date.now() }).execute();
  if (isPostgres(db)) await sql`select pg_notify(${CHANGE_CHANNEL}, '')`.execute(db);
}

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The one store implementation: Kysely drives both SQLite and PostgreSQL. */
export class KyselyStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: "sqlite" | "postgres",
  ) {}

  async createWorkspace(workspace: WorkspaceRecord): Promise<void> {
    try {
      await this.db
        .insertInto("workspaces")
        .values({
          id: workspace.id,
          slug: workspace.slug,
          name: workspace.name,
          visibility: workspace.visibility,
          subscription_status: workspace.subscriptionStatus,
          plan: workspace.plan,
          created_at: workspace.createdAt,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new UniqueViolationError(`workspace slug "${workspace.slug}" is taken`);
      throw error;
    }
  }

  async findWorkspaceBySlug(slug: string): Promise<WorkspaceRecord | null> {
    const row = await this.db.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirst();
    return row ? workspaceFromRow(row) : null;
  }

  async findWorkspaceById(id: string): Promise<WorkspaceRecord | null> {
    const row = await this.db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? workspaceFromRow(row) : null;
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const rows = await this.db.selectFrom("workspaces").selectAll().orderBy("slug").execute();
    return rows.map(workspaceFromRow);
  }

  async insertKey(key: KeyRecord): Promise<void> {
    try {
      await this.db.insertInto("api_keys").values(keyToRow(key)).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new UniqueViolationError("key id or hash is taken");
      throw error;
    }
  }

  async findKeyByHash(keyHash: string): Promise<KeyRecord | null> {
    const row = await this.db.selectFrom("api_keys").selectAll().where("key_hash", "=", keyHash).executeTakeFirst();
    return row ? keyFromRow(row) : null;
  }

  async findKeyById(id: string): Promise<KeyRecord | null> {
    const row = await this.db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? keyFromRow(row) : null;
  }

  async listKeys(workspaceId: string, page: KeyPage): Promise<KeyRecord[]> {
    let query = this.db.selectFrom("api_keys").selectAll().where("workspace_id", "=", workspaceId);
    const after = page.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb("created_at", "<", after.createdAt),
          eb.and([eb("created_at", "=", after.createdAt), eb("id", "<", after.id)]),
        ]),
      );
    }
    const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(page.limit).execute();
    return rows.map(keyFromRow);
  }

  async updateKey(id: string, patch: KeyPatch): Promise<KeyRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      const values: Updateable<ApiKeysTable> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.scopes !== undefined) values.scopes = JSON.stringify(patch.scopes);
      if (patch.expiresAt !== undefined) values.expires_at = patch.expiresAt;
      if (Object.keys(values).length > 0) {
        await trx.updateTable("api_keys").set(values).where("id", "=", id).execute();
      }
      const row = await trx.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return null;
      // Scope and expiry changes must reach every cache; a rename is harmless but cheap to send too.
      await appendChange(trx, "key", row.key_hash);
      return keyFromRow(row);
    });
  }

  async revokeKey(id: string, at: number): Promise<KeyRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      await trx.updateTable("api_keys").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).execute();
      const row = await trx.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return null;
      await appendChange(trx, "key", row.key_hash);
      return keyFromRow(row);
    });
  }

  async rotateKey(oldId: string, replacement: KeyRecord, oldKeyEndsAt: number): Promise<KeyRecord | null> {
    return this.db.transaction().execute(async (trx) => {
      const old = await trx.selectFrom("api_keys").selectAll().where("id", "=", oldId).executeTakeFirst();
      if (!old) return null;
      const endsAt = old.expires_at === null ? oldKeyEndsAt : Math.min(Number(old.expires_at), oldKeyEndsAt);
      // Guarded: of two rotations (or a rotation and a revocation) racing, only the first
      // wins; the loser inserts nothing and gets the key as it now is.
      const ended = await trx
        .updateTable("api_keys")
        .set({ expires_at: endsAt, replaced_by_key_id: replacement.id })
        .where("id", "=", oldId)
        .where("replaced_by_key_id", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) === 0) {
        const current = await trx.selectFrom("api_keys").selectAll().where("id", "=", oldId).executeTakeFirst();
        return current ? keyFromRow(current) : null;
      }
      await trx.insertInto("api_keys").values(keyToRow(replacement)).execute();
      await appendChange(trx, "key", old.key_hash);
      return keyFromRow({ ...old, expires_at: endsAt, replaced_by_key_id: replacement.id });
    });
  }

  async latestChangeId(): Promise<number> {
    const row = await this.db
      .selectFrom("change_events")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async changesSince(id: number, limit: number): Promise<ChangeEvent[]> {
    const rows = await this.db
      .selectFrom("change_events")
      .selectAll()
      .where("id", ">", id)
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      kind: row.kind as ChangeEvent["kind"],
      subject: row.subject,
      createdAt: Number(row.created_at),
    }));
  }

  async pruneChangesBefore(at: number): Promise<void> {
    await this.db.deleteFrom("change_events").where("created_at", "<", at).execute();
  }

  async applyUsageBatch(batch: UsageBatch): Promise<void> {
    if (batch.counts.length === 0 && batch.lastUsed.length === 0) return;
    // A fixed row order makes concurrent batches from several instances lock rows in the
    // same order, so PostgreSQL never deadlocks them against each other.
    const counts = [...batch.counts].sort(
      (a, b) => a.keyId.localeCompare(b.keyId) || a.hourStart - b.hourStart || a.outcome.localeCompare(b.outcome),
    );
    const lastUsed = [...batch.lastUsed].sort((a, b) => a.keyId.localeCompare(b.keyId));
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < counts.length; start += USAGE_ROWS_PER_STATEMENT) {
        const rows = counts.slice(start, start + USAGE_ROWS_PER_STATEMENT).map((row) => ({
          key_id: row.keyId,
          workspace_id: row.workspaceId,
          hour_start: row.hourStart,
          outcome: row.outcome,
          count: row.count,
          credits: row.credits ?? 0,
        }));
        await trx
          .insertInto("usage_hourly")
          .values(rows)
          .onConflict((oc) =>
            oc.columns(["key_id", "hour_start", "outcome"]).doUpdateSet({
              count: sql`usage_hourly.count + excluded.count`,
              credits: sql`usage_hourly.credits + excluded.credits`,
            }),
          )
          .execute();
      }
      for (const used of lastUsed) {
        await trx
          .updateTable("api_keys")
          .set(used.ip === undefined ? { last_used_at: used.at } : { last_used_at: used.at, last_used_ip: used.ip })
          .where("id", "=", used.keyId)
          .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", used.at)]))
          .execute();
      }
    });
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
