/** The first backoff ceiling; it doubles with every attempt. */
export const BASE_DELAY_MS = 500;
/** Backoff never waits longer than this between two attempts. */
export const MAX_DELAY_MS = 8_000;
/** A `Retry-After` longer than this is not waited out inside a call: the error goes to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether an error status is worth another attempt.
 * 429 and 502/503 mean the server did not do the work, so any request may be retried.
 * Other 5xx (500, 504, …) may come after the work was done: only requests that are safe to
 * repeat are retried then. 501 never changes. Other 4xx are the caller's to fix.
 */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
  if (status === 429 || status === 502 || status === 503) return true;
  return idempotent && status >= 500 && status !== 501;
}

/**
 * Exponential backoff with full jitter: a uniform pick in `[0, min(MAX, BASE · 2^attempt))`.
 * Full jitter spreads the retries of many clients that failed together.
 *
 * @param attempt 0 for the first retry, 1 for the second, …
 * @example backoffDelayMs(1) // somewhere in [0, 1000)
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header (seconds, or an HTTP date) into milliseconds, or `null`
 * when it is absent or unreadable.
 *
 * @example parseRetryAfterMs("2") // 2000
 */
export function parseRetryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date has a day and month name; this keeps Date.parse from reading "-3" as a year.
  if (!/[A-Za-z]/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
