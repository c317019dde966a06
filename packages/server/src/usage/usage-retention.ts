export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Hourly rows are kept this long, then rolled into daily rows. */
export const HOURLY_RETENTION_DAYS = 90;
/** Daily rows are kept this long, then deleted. */
export const DAILY_RETENTION_DAYS = 730;

/** Midnight UTC of the day `at` falls in. */
export function startOfUtcDay(at: number): number {
  return at - (((at % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * Where compaction cuts at `now`: hourly rows of days before `hourlyBefore` become daily
 * rows, daily rows of days before `dailyBefore` go. Both fall on UTC midnights, so a day
 * is always wholly hourly or wholly daily, and a query never counts an hour twice.
 *
 * @example retentionCutoffs(Date.UTC(2024, 5, 1, 12)) // { hourlyBefore: Date.UTC(2024, 2, 3), … }
 */
export function retentionCutoffs(now: number): { hourlyBefore: number; dailyBefore: number } {
  return {
    hourlyBefore: startOfUtcDay(now - HOURLY_RETENTION_DAYS * DAY_MS),
    dailyBefore: startOfUtcDay(now - DAILY_RETENTION_DAYS * DAY_MS),
  };
}
