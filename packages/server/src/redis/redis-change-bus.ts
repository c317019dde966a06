import type { Redis } from "ioredis";

/** The Redis channel that wakes change-feed readers in every instance. */
export const REDIS_CHANGE_CHANNEL = "keyward:changes";

/**
 * The invalidation bus over Redis pub/sub: an instance that has committed a change
 * publishes a bare wake-up, and every subscribed instance reads its change feed at once
 * (`onChange`, e.g. `changes.pollOnce()`). The feed stays the source of truth: a lost
 * message or a Redis outage only delays a change to the next poll. On every (re)subscribe
 * `onChange` runs too, so changes published while disconnected are read straight away.
 *
 * @example
 * const bus = new RedisChangeBus(publisher, publisher.duplicate(), () => void changes.pollOnce());
 * await bus.start(); // … after a commit: bus.publish();
 */
export class RedisChangeBus {
  private stopped = false;
  private subscribed = false;

  constructor(
    private readonly publisher: Redis,
    /** A connection of its own: a subscribed Redis connection can send no other command. */
    private readonly subscriber: Redis,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly channel = REDIS_CHANGE_CHANNEL,
  ) {
    subscriber.on("message", (received: string) => {
      if (received === this.channel) this.onChange();
    });
    // ioredis re-subscribes by itself after a reconnect; reading the feed then covers the gap.
    subscriber.on("close", () => {
      this.subscribed = false;
    });
    subscriber.on("ready", () => {
      if (!this.stopped) void this.subscribe();
    });
  }

  /** Subscribes now if the connection is ready (else as soon as it is); never throws. */
  async start(): Promise<void> {
    if (this.subscriber.status === "ready") await this.subscribe();
  }

  /** Whether wake-ups from other instances reach this one now (the feed has been read since subscribing). */
  get listening(): boolean {
    return this.subscribed;
  }

  /** Wakes every instance's change feed; a failure is reported, the poll still catches up. */
  publish(): void {
    if (this.stopped || this.publisher.status !== "ready") return;
    this.publisher.publish(this.channel, "").catch(this.onError);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.subscriber.disconnect();
  }

  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
      this.onChange();
      this.subscribed = true;
    } catch (error) {
      this.onError(error);
    }
  }
}
