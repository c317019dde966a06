import type { RateWindow } from "./rate-window.js";

/** Where one window of a subject stands after a decision. */
export interface WindowState {
  limit: number;
  remaining: number;
  /** When the window's count starts again (Unix ms). */
  resetAt: number;
}

/**
 * A decision over every window of a subject. `tightest` is the window with the fewest
 * requests left (the one the `X-RateLimit-*` headers describe).
 */
export type RateDecision =
  | { allowed: true; tightest: WindowState }
  | { allowed: false; tightest: WindowState; retryAfterSeconds: number };

/**
 * Counts requests per subject (a key id, a client IP) in fixed windows. The store is
 * swappable (memory now, Redis for several instances); the memory one answers
 * synchronously so the cached request path never waits on a promise.
 *
 * Several windows are one decision: a request denied by any window takes nothing
 * from the others.
 */
export interface RateLimitStore {
  /** Takes `points` from every window, or from none when one of them would go over. */
  consume(subject: string, windows: readonly RateWindow[], points?: number): RateDecision | Promise<RateDecision>;
  /** Whether one more request would be allowed, taking nothing (refusing a client that is already over). */
  peek(subject: string, windows: readonly RateWindow[]): RateDecision | Promise<RateDecision>;
}

/** What a window reports before the decision: its count so far and its end. */
export interface WindowCount {
  window: RateWindow;
  consumed: number;
  resetAt: number;
}

/**
 * The one rule every store applies, as a pure function: deny when `points` more would take
 * any window over, and describe the tightest window either way. `take` says whether an
 * allowed request is counted (consume) or only asked about (peek).
 *
 * @example decideWindows([{ window: { limit: 2, seconds: 60 }, consumed: 2, resetAt }], 1, now, true) // denied
 */
export function decideWindows(counts: readonly WindowCount[], points: number, now: number, take: boolean): RateDecision {
  let retryAfterMs = -1;
  for (const { window, consumed, resetAt } of counts) {
    if (consumed + points > window.limit) retryAfterMs = Math.max(retryAfterMs, resetAt - now);
  }
  const allowed = retryAfterMs < 0;
  // A denied request takes nothing, so its windows keep what they had.
  const taken = allowed && take ? points : 0;
  let tightest: WindowState = { limit: 0, remaining: 0, resetAt: now };
  let first = true;
  for (const { window, consumed, resetAt } of counts) {
    const remaining = Math.max(window.limit - consumed - taken, 0);
    if (first || remaining < tightest.remaining || (remaining === tightest.remaining && resetAt > tightest.resetAt)) {
      tightest = { limit: window.limit, remaining, resetAt };
      first = false;
    }
  }
  if (allowed) return { allowed: true, tightest };
  return { allowed: false, tightest, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
