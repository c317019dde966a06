import type { UsageBatch, UsageOutcome } from "../store/index.js";

const HOUR_MS = 3_600_000;

export function outcomeOfStatus(status: number): UsageOutcome {
  if (status < 400) return "ok";
  if (status === 401) return "401";
  if (status === 403) return "403";
  if (status === 429) return "429";
  return status < 500 ? "4xx" : "5xx";
}

interface CountEntry {
  keyId: string;
  workspaceId: string;
  hourStart: number;
  outcome: UsageOutcome;
  count: number;
}

/**
 * Counts requests per key, hour and outcome in memory and writes them in one batch
 * every few seconds: the request path never waits on a storage write. A batch that
 * fails to write is merged back and retried with the next one, never dropped.
 */
export class UsageRecorder {
  private counts = new Map<string, CountEntry>();
  private lastUsed = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly write: (batch: UsageBatch) => Promise<void>,
    private readonly now: () => number = Date.now,
    private readonly onFlushError: (error: unknown) => void = () => {},
  ) {}

  record(keyId: string, workspaceId: string, status: number): void {
    const at = this.now();
    const hourStart = at - (at % HOUR_MS);
    const outcome = outcomeOfStatus(status);
    const id = `${keyId}|${hourStart}|${outcome}`;
    const entry = this.counts.get(id);
    if (entry) entry.count++;
    else this.counts.set(id, { keyId, workspaceId, hourStart, outcome, count: 1 });
    this.lastUsed.set(keyId, at);
  }

  /** Requests counted but not yet written. */
  get pendingRequests(): number {
    let total = 0;
    for (const entry of this.counts.values()) total += entry.count;
    return total;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.flush().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  /** Writes everything counted so far. Concurrent calls share one write. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush());
    if (this.counts.size === 0 && this.lastUsed.size === 0) return Promise.resolve();
    const counts = this.counts;
    const lastUsed = this.lastUsed;
    this.counts = new Map();
    this.lastUsed = new Map();
    const batch: UsageBatch = {
      counts: [...counts.values()],
      lastUsed: [...lastUsed].map(([keyId, at]) => ({ keyId, at })),
    };
    this.flushing = this.write(batch)
      .catch((error: unknown) => {
        this.mergeBack(counts, lastUsed);
        this.onFlushError(error);
        throw error;
      })
      .finally(() => {
        this.flushing = undefined;
      });
    return this.flushing;
  }

  /** Stops the timer and writes what is left (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private mergeBack(counts: Map<string, CountEntry>, lastUsed: Map<string, number>): void {
    for (const [id, entry] of counts) {
      const current = this.counts.get(id);
      if (current) current.count += entry.count;
      else this.counts.set(id, entry);
    }
    for (const [keyId, at] of lastUsed) {
      if ((this.lastUsed.get(keyId) ?? 0) < at) this.lastUsed.set(keyId, at);
    }
  }
}
