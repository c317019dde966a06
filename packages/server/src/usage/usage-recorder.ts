import type { UsageBatch, UsageOutcome } from "../store/index.js";
import { HOUR_MS } from "./usage-retention.js";

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
  /** Set once a charged request is counted, so uncharged rows stay as they were. */
  credits?: number;
}

interface LastUse {
  at: number;
  ip: string | undefined;
}

/**
 * Counts requests (and the credits charged to them) per key, hour and outcome in memory,
 * with each key's latest use and client IP, and writes them in one batch every few
 * seconds: the request path never waits on a storage write. A batch that fails to write
 * is merged back and retried with the next one, never dropped.
 *
 * @example
 * const usage = new UsageRecorder((batch) => store.applyUsageBatch(batch));
 * usage.start(5_000);
 * usage.record("key_abc", "ws_abc", 200, "203.0.113.7");
 * await usage.stop(); // writes what is left
 */
export class UsageRecorder {
  private counts = new Map<string, CountEntry>();
  private lastUsed = new Map<string, LastUse>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly write: (batch: UsageBatch) => Promise<void>,
    private readonly now: () => number = Date.now,
    private readonly onFlushError: (error: unknown) => void = () => {},
  ) {}

  /** Counts one answered request of a key; `ip` is the client address it came from. */
  record(keyId: string, workspaceId: string, status: number, ip?: string): void {
    const at = this.now();
    this.entry(keyId, workspaceId, at, status).count++;
    const used = this.lastUsed.get(keyId);
    if (used === undefined) {
      this.lastUsed.set(keyId, { at, ip });
    } else {
      used.at = at;
      if (ip !== undefined) used.ip = ip;
    }
  }

  /** Adds the credits a request of a key was charged (its answer's status files them). */
  recordCredits(keyId: string, workspaceId: string, status: number, credits: number): void {
    const entry = this.entry(keyId, workspaceId, this.now(), status);
    entry.credits = (entry.credits ?? 0) + credits;
  }

  private entry(keyId: string, workspaceId: string, at: number, status: number): CountEntry {
    const hourStart = at - (at % HOUR_MS);
    const outcome = outcomeOfStatus(status);
    const id = `${keyId}|${hourStart}|${outcome}`;
    let entry = this.counts.get(id);
    if (entry === undefined) {
      entry = { keyId, workspaceId, hourStart, outcome, count: 0 };
      this.counts.set(id, entry);
    }
    return entry;
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
      lastUsed: [...lastUsed].map(([keyId, used]) => ({ keyId, at: used.at, ip: used.ip })),
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

  private mergeBack(counts: Map<string, CountEntry>, lastUsed: Map<string, LastUse>): void {
    for (const [id, entry] of counts) {
      const current = this.counts.get(id);
      if (current === undefined) {
        this.counts.set(id, entry);
        continue;
      }
      current.count += entry.count;
      if (entry.credits !== undefined) current.credits = (current.credits ?? 0) + entry.credits;
    }
    for (const [keyId, used] of lastUsed) {
      const current = this.lastUsed.get(keyId);
      if (current === undefined || current.at < used.at) this.lastUsed.set(keyId, used);
    }
  }
}
