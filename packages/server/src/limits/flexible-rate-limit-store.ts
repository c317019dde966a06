import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { decideWindows, type RateDecision, type RateLimitStore, type WindowCount } from "./rate-limit-store.js";
import type { RateWindow } from "./rate-window.js";

/** Far above any window limit: the library only counts, the decision is `decideWindows`'. */
const COUNT_ONLY_POINTS = Number.MAX_SAFE_INTEGER;

/**
 * Any rate-limiter-flexible limiter as a store (its Redis one for several instances),
 * through the library's public, promise-based API: one limiter per window length, used
 * as a counter. Several windows are consumed together and, when one of them is over,
 * the points are given back to all of them (`reward`), so a denied request leaves every
 * count as it was.
 *
 * @example
 * const store = new FlexibleRateLimitStore((seconds, points) => new RateLimiterRedis({ storeClient, points, duration: seconds }));
 * await store.consume("key_abc", [{ limit: 100, seconds: 60 }, { limit: 5000, seconds: 3600 }]);
 */
export class FlexibleRateLimitStore implements RateLimitStore {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(private readonly createLimiter: (seconds: number, points: number) => RateLimiterAbstract) {}

  async consume(subject: string, windows: readonly RateWindow[], points = 1): Promise<RateDecision> {
    const now = Date.now();
    const results = await Promise.all(windows.map((window) => this.limiter(window).consume(subject, points)));
    const counts = windows.map((window, i) => toCount(window, results[i]!, now, points));
    const decision = decideWindows(counts, points, now, true);
    if (!decision.allowed) await Promise.all(windows.map((window) => this.limiter(window).reward(subject, points)));
    return decision;
  }

  async peek(subject: string, windows: readonly RateWindow[]): Promise<RateDecision> {
    const now = Date.now();
    const results = await Promise.all(windows.map((window) => this.limiter(window).get(subject)));
    const counts = windows.map((window, i) => toCount(window, results[i] ?? null, now, 0));
    return decideWindows(counts, 1, now, false);
  }

  private limiter(window: RateWindow): RateLimiterAbstract {
    let limiter = this.limiters.get(window.seconds);
    if (!limiter) {
      limiter = this.createLimiter(window.seconds, COUNT_ONLY_POINTS);
      this.limiters.set(window.seconds, limiter);
    }
    return limiter;
  }
}

/** The count before this request (`taken` points were just added by it). */
function toCount(window: RateWindow, result: RateLimiterRes | null, now: number, taken: number): WindowCount {
  if (result === null || result.msBeforeNext <= 0) return { window, consumed: 0, resetAt: now + window.seconds * 1000 };
  return { window, consumed: result.consumedPoints - taken, resetAt: now + result.msBeforeNext };
}
