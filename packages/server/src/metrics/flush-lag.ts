/**
 * How long usage counts have waited to reach storage: the time since the last successful
 * write while counts are pending, 0 when nothing waits. Grows through a storage outage
 * (failed batches are kept and retried) and drops back once a write succeeds.
 *
 * @example
 * const lag = new FlushLag();
 * const usage = new UsageRecorder(lag.track((batch) => store.applyUsageBatch(batch)));
 * lag.lagMs(usage.pendingRequests > 0);
 */
export class FlushLag {
  private lastWriteAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastWriteAt = now();
  }

  /** Wraps the write so each success is noted. */
  track<T>(write: (batch: T) => Promise<void>): (batch: T) => Promise<void> {
    return async (batch: T) => {
      await write(batch);
      this.lastWriteAt = this.now();
    };
  }

  lagMs(pending: boolean): number | null {
    return pending ? Math.max(0, this.now() - this.lastWriteAt) : null;
  }
}
