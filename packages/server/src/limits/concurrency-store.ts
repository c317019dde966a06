/**
 * Requests in flight per subject (a workspace). Swappable like the rate-limit store:
 * memory now, shared counters for several instances later. Every successful `acquire`
 * must be matched by exactly one `release`.
 */
export interface ConcurrencyStore {
  /** Takes a slot unless `limit` are already taken. */
  acquire(subject: string, limit: number): boolean | Promise<boolean>;
  release(subject: string): void | Promise<void>;
  /** Slots taken now (for tests and metrics). */
  inFlight(subject: string): number | Promise<number>;
}

/**
 * In-flight counters in this process's memory. Synchronous: the request path takes and
 * gives back a slot without a promise.
 *
 * @example
 * const slots = new MemoryConcurrencyStore();
 * if (!slots.acquire("ws_abc", 10)) refuse(); … slots.release("ws_abc");
 */
export class MemoryConcurrencyStore implements ConcurrencyStore {
  private readonly counts = new Map<string, number>();

  acquire(subject: string, limit: number): boolean {
    const current = this.counts.get(subject) ?? 0;
    if (current >= limit) return false;
    this.counts.set(subject, current + 1);
    return true;
  }

  release(subject: string): void {
    const current = this.counts.get(subject) ?? 0;
    // An idle workspace keeps its entry at 0: deleting and re-adding it on every request
    // churns the map; one small entry per workspace that made a request is the price.
    if (current > 0) this.counts.set(subject, current - 1);
  }

  inFlight(subject: string): number {
    return this.counts.get(subject) ?? 0;
  }
}
