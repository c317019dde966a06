import type { UsageOutcome } from "../store/index.js";
import { DAY_MS, HOUR_MS } from "./usage-retention.js";
import type { UsageRow } from "./usage-store.js";

export type UsageGranularity = "hour" | "day";

export const USAGE_OUTCOMES: readonly UsageOutcome[] = ["ok", "401", "403", "429", "4xx", "5xx"];

/** One hour or day of usage: requests by outcome, their total, and the credits charged. */
export interface UsageBucket {
  /** Unix ms of the bucket's start (UTC). */
  start: number;
  requests: number;
  credits: number;
  outcomes: Record<UsageOutcome, number>;
}

export function bucketMs(granularity: UsageGranularity): number {
  return granularity === "hour" ? HOUR_MS : DAY_MS;
}

function emptyBucket(start: number): UsageBucket {
  return { start, requests: 0, credits: 0, outcomes: { ok: 0, "401": 0, "403": 0, "429": 0, "4xx": 0, "5xx": 0 } };
}

/**
 * Adds rows up into one bucket per hour or day from `from` to `to`, empty ones included,
 * so a chart gets every point. `from` and `to` must already fall on bucket starts.
 *
 * @example fillBuckets(rows, "day", Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 8)) // 7 buckets
 */
export function fillBuckets(rows: readonly UsageRow[], granularity: UsageGranularity, from: number, to: number): UsageBucket[] {
  const size = bucketMs(granularity);
  const buckets: UsageBucket[] = [];
  for (let start = from; start < to; start += size) buckets.push(emptyBucket(start));
  for (const row of rows) {
    const bucket = buckets[Math.floor((row.start - from) / size)];
    if (bucket === undefined) continue;
    bucket.requests += row.count;
    bucket.credits += row.credits;
    bucket.outcomes[row.outcome] = (bucket.outcomes[row.outcome] ?? 0) + row.count;
  }
  return buckets;
}
