import { ApiError } from "../errors/index.js";
import { bucketMs, fillBuckets, type UsageBucket, type UsageGranularity } from "./usage-buckets.js";
import { retentionCutoffs, startOfUtcDay } from "./usage-retention.js";
import type { CompactionResult, KeyLastUse, UsageRow, UsageStore } from "./usage-store.js";

export interface UsageQuery {
  workspaceId: string;
  /** One key of the workspace; omit for the whole workspace. */
  keyId?: string | undefined;
  /** Unix ms; rounded down to the bucket start. Default: 24 hours (hour) or 30 days (day) before the end. */
  from?: number | undefined;
  /** Unix ms, exclusive; rounded up to the next bucket start. Default: now. */
  to?: number | undefined;
  granularity: UsageGranularity;
}

/** A series of buckets over a range (`from` and `to` as rounded to buckets). */
export interface UsageSeries {
  granularity: UsageGranularity;
  from: number;
  to: number;
  keyId: string | null;
  buckets: UsageBucket[];
}

export interface UsageByKey {
  granularity: UsageGranularity;
  from: number;
  to: number;
  keys: Array<{ keyId: string; buckets: UsageBucket[] }>;
}

/** At most this many buckets per query: a month of hours, two years of days. */
export const MAX_BUCKETS: Record<UsageGranularity, number> = { hour: 31 * 24, day: 731 };

const DEFAULT_SPAN: Record<UsageGranularity, number> = { hour: 86_400_000, day: 30 * 86_400_000 };

function rangeError(message: string, field: string): ApiError {
  return new ApiError("validation_error", { message, details: [{ field, message: "is out of range" }] });
}

/**
 * Usage as the API and the dashboard read it: requests by outcome and credits, per hour
 * (for the last 90 days) or per UTC day (two years), for a workspace or one of its keys.
 * What the recorder has not flushed yet (a few seconds' worth) is not in it.
 *
 * @example
 * await usage.series({ workspaceId, granularity: "day", from: Date.now() - 7 * 86_400_000 })
 * // { buckets: [{ start, requests: 1200, credits: 40, outcomes: { ok: 1150, "429": 50, … } }, …] }
 */
export class UsageService {
  constructor(
    private readonly store: UsageStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Totals per bucket for the workspace, or for one key of it. */
  async series(query: UsageQuery): Promise<UsageSeries> {
    const range = await this.resolve(query);
    const rows = await this.read(query, range);
    return { ...range, keyId: query.keyId ?? null, buckets: fillBuckets(rows, query.granularity, range.from, range.to) };
  }

  /** One series per key that has any usage in the range. */
  async seriesByKey(query: UsageQuery): Promise<UsageByKey> {
    const range = await this.resolve(query);
    const byKey = new Map<string, UsageRow[]>();
    for (const row of await this.read(query, range)) {
      const rows = byKey.get(row.keyId);
      if (rows) rows.push(row);
      else byKey.set(row.keyId, [row]);
    }
    const keys = [...byKey.keys()].sort().map((keyId) => ({ keyId, buckets: fillBuckets(byKey.get(keyId)!, query.granularity, range.from, range.to) }));
    return { ...range, keys };
  }

  /** Each key of the workspace with its latest use and the client IP it came from. */
  lastUse(workspaceId: string): Promise<KeyLastUse[]> {
    return this.store.lastUse(workspaceId);
  }

  /** Rolls old hourly rows into daily ones and deletes what is past retention. */
  compact(): Promise<CompactionResult> {
    const { hourlyBefore, dailyBefore } = retentionCutoffs(this.now());
    return this.store.compact(hourlyBefore, dailyBefore);
  }

  private read(query: UsageQuery, range: { from: number; to: number }): Promise<UsageRow[]> {
    const where = { workspaceId: query.workspaceId, keyId: query.keyId, from: range.from, to: range.to };
    return query.granularity === "hour" ? this.store.hourly(where) : this.store.daily(where);
  }

  private async resolve(query: UsageQuery): Promise<{ granularity: UsageGranularity; from: number; to: number }> {
    const size = bucketMs(query.granularity);
    const align = (at: number) => (query.granularity === "day" ? startOfUtcDay(at) : at - (at % size));
    const rawTo = query.to ?? this.now();
    if (!Number.isFinite(rawTo) || (query.from !== undefined && !Number.isFinite(query.from))) {
      throw rangeError("from and to must be valid times", "from");
    }
    const alignedTo = align(rawTo);
    const to = alignedTo === rawTo ? rawTo : alignedTo + size;
    // By default the range ends with the bucket now is in: the last 24 hours or 30 days.
    const rawFrom = query.from ?? to - DEFAULT_SPAN[query.granularity];
    if (rawFrom < 0) throw rangeError("from and to must be valid times", "from");
    if (rawFrom >= rawTo) throw rangeError("from must be before to", "from");
    const from = align(rawFrom);
    if ((to - from) / size > MAX_BUCKETS[query.granularity]) {
      throw rangeError(`A query spans at most ${MAX_BUCKETS[query.granularity]} ${query.granularity}s`, "from");
    }
    if (query.keyId !== undefined && !(await this.store.keyInWorkspace(query.keyId, query.workspaceId))) {
      throw new ApiError("not_found", { message: `Key not found: ${query.keyId.slice(0, 64)}` });
    }
    return { granularity: query.granularity, from, to };
  }
}
