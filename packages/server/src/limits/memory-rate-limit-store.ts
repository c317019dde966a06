import MemoryStorage from "rate-limiter-flexible/lib/component/MemoryStorage/MemoryStorage.js";
import { decideWindows, type RateDecision, type RateLimitStore, type WindowCount } from "./rate-limit-store.js";
import type { RateWindow } from "./rate-window.js";

/**
 * Fixed windows in this process's memory, counted by rate-limiter-flexible's memory
 * storage (the engine behind its `RateLimiterMemory`). It is driven directly rather than
 * through `RateLimiterMemory.consume()` because that method answers with a promise even
 * though its work is synchronous: here the whole decision is synchronous, so the cached
 * request path never waits on the event loop, and counting several windows and giving
 * the points back when one refuses is atomic by construction (nothing runs in between).
 *
 * Each window starts with the subject's first request in it and lasts its length. Time
 * is `Date.now()`, which the storage reads itself; tests drive it with fake timers.
 *
 * @example
 * const store = new MemoryRateLimitStore();
 * store.consume("key_abc", [{ limit: 100, seconds: 60 }]) // { allowed: true, tightest: { limit: 100, remaining: 99, … } }
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly storage = new MemoryStorage();

  consume(subject: string, windows: readonly RateWindow[], points = 1): RateDecision {
    const now = Date.now();
    // Count first, give back if refused: one storage call per window on the common path,
    // and atomic all the same because nothing else runs in between.
    const counts: WindowCount[] = [];
    for (const window of windows) {
      const counted = this.storage.incrby(storageKey(subject, window), points, window.seconds);
      counts.push({ window, consumed: counted.consumedPoints - points, resetAt: now + counted.msBeforeNext });
    }
    const decision = decideWindows(counts, points, now, true);
    if (!decision.allowed) {
      for (const window of windows) this.storage.incrby(storageKey(subject, window), -points, window.seconds);
    }
    return decision;
  }

  peek(subject: string, windows: readonly RateWindow[]): RateDecision {
    const now = Date.now();
    return decideWindows(this.count(subject, windows, now), 1, now, false);
  }

  private count(subject: string, windows: readonly RateWindow[], now: number): WindowCount[] {
    const counts: WindowCount[] = [];
    for (const window of windows) {
      const current = this.storage.get(storageKey(subject, window));
      // A window past its end counts as empty even if its timer has not removed it yet.
      if (current === null || current.msBeforeNext <= 0) counts.push({ window, consumed: 0, resetAt: now + window.seconds * 1000 });
      else counts.push({ window, consumed: current.consumedPoints, resetAt: now + current.msBeforeNext });
    }
    return counts;
  }
}

function storageKey(subject: string, window: RateWindow): string {
  return `${subject}|${window.seconds}`;
}
