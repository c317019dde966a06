import type { ChangeEvent, Store } from "../store/index.js";

export type ChangeListener = (event: ChangeEvent) => void;

// PostgreSQL hands out ids before commit, so a later id can become visible first. Ids
// skipped over are watched this long before they count as rolled back.
const GAP_WATCH_MS = 10_000;
const MAX_TRACKED_GAPS = 1_000;
const PAGE = 500;

/**
 * Follows the store's change feed: every process that caches keys (each server, and the
 * CLI writing next to them) sees every revocation, rotation or scope change within one
 * poll interval, whoever made it. PostgreSQL NOTIFY and Redis pub/sub only make it sooner.
 */
export class ChangeFeedPoller {
  private highest = 0;
  private readonly gaps = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private readonly listeners: ChangeListener[] = [];

  constructor(
    private readonly store: Pick<Store, "latestChangeId" | "changesSince">,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Starts from the newest change: what happened before is not in any cache yet. */
  async start(intervalMs: number): Promise<void> {
    this.highest = await this.store.latestChangeId();
    this.timer = setInterval(() => void this.pollOnce(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads and dispatches every change not seen yet. Concurrent calls share one read. */
  pollOnce(): Promise<void> {
    this.polling ??= this.readNewChanges()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.polling = undefined;
      });
    return this.polling;
  }

  private async readNewChanges(): Promise<void> {
    let from = this.gaps.size > 0 ? Math.min(this.highest, ...this.gaps.keys()) - 1 : this.highest;
    for (;;) {
      const events = await this.store.changesSince(from, PAGE);
      for (const event of events) this.accept(event);
      if (events.length < PAGE) break;
      from = events[events.length - 1]!.id;
    }
    const expired = this.now() - GAP_WATCH_MS;
    for (const [id, noticedAt] of this.gaps) if (noticedAt < expired) this.gaps.delete(id);
  }

  private accept(event: ChangeEvent): void {
    if (event.id <= this.highest) {
      if (!this.gaps.delete(event.id)) return; // seen already
    } else {
      if (event.id - this.highest <= MAX_TRACKED_GAPS) {
        const noticedAt = this.now();
        for (let id = this.highest + 1; id < event.id; id++) this.gaps.set(id, noticedAt);
      }
      this.highest = event.id;
    }
    for (const listener of this.listeners) listener(event);
  }
}
