import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { UsageOutcome } from "../store/index.js";
import type { Database } from "../store/schema.js";
import { DAY_MS } from "./usage-retention.js";

/** One stored count: a key's requests of one outcome in one hour or day. */
export interface UsageRow {
  keyId: string;
  start: number;
  outcome: UsageOutcome;
  count: number;
  credits: number;
}

export interface UsageRange {
  workspaceId: string;
  keyId?: string | undefined;
  /** Inclusive, Unix ms. */
  from: number;
  /** Exclusive, Unix ms. */
  to: number;
}

export interface CompactionResult {
  /** Hourly rows rolled into daily ones (and deleted). */
  hourlyRolledUp: number;
  dailyDeleted: number;
}

export interface KeyLastUse {
  keyId: string;
  at: number | null;
  ip: string | null;
}

// Any constant works: it only has to be the same in every instance.
const COMPACTION_LOCK = 4_201_705;

const dayOfHour = sql<number>`hour_start - (hour_start % ${sql.lit(DAY_MS)})`;

function toRow(row: { key_id: string; start: unknown; outcome: string; count: unknown; credits: unknown }): UsageRow {
  // PostgreSQL sums bigints as numeric, which arrives as text.
  return { keyId: row.key_id, start: Number(row.start), outcome: row.outcome as UsageOutcome, count: Number(row.count), credits: Number(row.credits) };
}

/**
 * Reading usage back and keeping it within its retention. Hourly rows are written by the
 * usage recorder's batches (`Store.applyUsageBatch`); daily rows only by `compact`.
 */
export class UsageStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Hourly rows in the range. */
  async hourly(range: UsageRange): Promise<UsageRow[]> {
    let query = this.db
      .selectFrom("usage_hourly")
      .select(["key_id", "hour_start as start", "outcome", "count", "credits"])
      .where("workspace_id", "=", range.workspaceId)
      .where("hour_start", ">=", range.from)
      .where("hour_start", "<", range.to);
    if (range.keyId !== undefined) query = query.where("key_id", "=", range.keyId);
    return (await query.execute()).map(toRow);
  }

  /** Per UTC day in the range: daily rows, and hourly rows added up by day. */
  async daily(range: UsageRange): Promise<UsageRow[]> {
    let rolled = this.db
      .selectFrom("usage_daily")
      .select(["key_id", "day_start as start", "outcome", "count", "credits"])
      .where("workspace_id", "=", range.workspaceId)
      .where("day_start", ">=", range.from)
      .where("day_start", "<", range.to);
    let recent = this.db
      .selectFrom("usage_hourly")
      .select((eb) => [
        "key_id",
        dayOfHour.as("start"),
        "outcome",
        eb.fn.sum<number>("count").as("count"),
        eb.fn.sum<number>("credits").as("credits"),
      ])
      .where("workspace_id", "=", range.workspaceId)
      .where("hour_start", ">=", range.from)
      .where("hour_start", "<", range.to)
      .groupBy(["key_id", dayOfHour, "outcome"]);
    if (range.keyId !== undefined) {
      rolled = rolled.where("key_id", "=", range.keyId);
      recent = recent.where("key_id", "=", range.keyId);
    }
    const [old, fresh] = await Promise.all([rolled.execute(), recent.execute()]);
    return [...old.map(toRow), ...fresh.map(toRow)];
  }

  /**
   * Rolls hourly rows of days before `hourlyBefore` into daily rows and deletes them,
   * then deletes daily rows of days before `dailyBefore`: one transaction, so a crash
   * loses or doubles nothing, and on PostgreSQL one instance at a time.
   */
  async compact(hourlyBefore: number, dailyBefore: number): Promise<CompactionResult> {
    return this.db.transaction().execute(async (trx) => {
      if (trx.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`select pg_advisory_xact_lock(${sql.lit(COMPACTION_LOCK)})`.execute(trx);
      }
      await trx
        .insertInto("usage_daily")
        .columns(["key_id", "workspace_id", "day_start", "outcome", "count", "credits"])
        .expression((eb) =>
          eb
            .selectFrom("usage_hourly")
            .select((inner) => [
              "key_id",
              "workspace_id",
              dayOfHour.as("day_start"),
              "outcome",
              inner.fn.sum<number>("count").as("count"),
              inner.fn.sum<number>("credits").as("credits"),
            ])
            .where("hour_start", "<", hourlyBefore)
            .groupBy(["key_id", "workspace_id", dayOfHour, "outcome"]),
        )
        .onConflict((oc) =>
          oc.columns(["key_id", "day_start", "outcome"]).doUpdateSet({
            count: sql`usage_daily.count + excluded.count`,
            credits: sql`usage_daily.credits + excluded.credits`,
          }),
        )
        .execute();
      const rolled = await trx.deleteFrom("usage_hourly").where("hour_start", "<", hourlyBefore).executeTakeFirst();
      const dropped = await trx.deleteFrom("usage_daily").where("day_start", "<", dailyBefore).executeTakeFirst();
      return { hourlyRolledUp: Number(rolled.numDeletedRows), dailyDeleted: Number(dropped.numDeletedRows) };
    });
  }

  /** Each key of a workspace with its latest use and client IP. */
  async lastUse(workspaceId: string): Promise<KeyLastUse[]> {
    const rows = await this.db
      .selectFrom("api_keys")
      .select(["id", "last_used_at", "last_used_ip"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("id")
      .execute();
    return rows.map((row) => ({ keyId: row.id, at: row.last_used_at === null ? null : Number(row.last_used_at), ip: row.last_used_ip }));
  }

  async keyInWorkspace(keyId: string, workspaceId: string): Promise<boolean> {
    const row = await this.db.selectFrom("api_keys").select("id").where("id", "=", keyId).where("workspace_id", "=", workspaceId).executeTakeFirst();
    return row !== undefined;
  }
}
