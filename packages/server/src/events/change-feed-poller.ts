import type { ChangeEvent, Store } from "../store/index.js";

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * Follows the store's change feed: every process that caches keys (each server, and the
 * CLI writing next to them) sees every revocation, rotation or scope change within one
 * poll interval, whoever made it. PostgreSQL NOTIFY and Redis pub/sub only make it sooner.
 */
export class ChangeFeedPoller {
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private readonly listeners: ChangeListener[] = [];

  constructor(
    private readonly store: Pick<Store, "latestChangeId" | "changesSince">,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Starts from the newest change: what happened before is not in any cache yet. */
  async start(intervalMs: number): Promise<void> {
    this.cursor = await this.store.latestChangeId();
    this.timer = setInterval(() => void this.pollOnce(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads and dispatches every change since the last one seen. */
  async pollOnce(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (;;) {
        const events = await this.store.changesSince(this.cursor, 500);
        for (const event of events) {
          this.cursor = event.id;
          for (const listener of this.listeners) listener(event);
        }
        if (events.length < 500) break;
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.polling = false;
    }
  }
}
