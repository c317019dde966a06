import type { Redis } from "ioredis";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { REDIS_TIMEOUTS } from "./redis-connection.js";
import { FlexibleRateLimitStore, MemoryRateLimitStore, type RateDecision, type RateLimitStore, type RateWindow } from "../limits/index.js";

/** What the store reports about Redis going away and coming back. */
export interface RedisOutageEvents {
  /** Once per outage, at its first failed or skipped count. */
  onDown(error: unknown): void;
  /** Once per outage, when counts go to Redis again. */
  onUp(): void;
}

/**
 * Rate limits shared by every instance through Redis (rate-limiter-flexible's Redis limiter
 * under `FlexibleRateLimitStore`), falling back to this instance's memory counts while Redis
 * is unreachable: requests keep being served with per-instance limits, and counting goes
 * back to Redis as soon as the connection is ready again. Counts taken in memory during an
 * outage are not carried over to Redis (limits are approximate for that window only).
 *
 * While the connection is down the memory store answers synchronously, so the request path
 * does not wait on a promise through an outage.
 *
 * @example
 * const rates = new FailoverRateLimitStore(createRedisConnection(url), { onDown: (e) => log.warn(e), onUp: () => log.info("back") });
 */
export class FailoverRateLimitStore implements RateLimitStore {
  private readonly shared: FlexibleRateLimitStore;
  private readonly local = new MemoryRateLimitStore();
  private down = false;
  private probe: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    private readonly events: RedisOutageEvents,
    keyPrefix = "keyward:rl",
  ) {
    this.shared = new FlexibleRateLimitStore(
      (seconds, points) =>
        new RateLimiterRedis({ storeClient: redis, rejectIfRedisNotReady: true, keyPrefix: `${keyPrefix}:${seconds}`, points, duration: seconds }),
    );
    redis.on("ready", () => this.markUp());
    redis.on("close", () => this.markDown(new Error("Redis connection closed")));
  }

  /** Whether counts currently go to this instance's memory instead of Redis. */
  get fallingBack(): boolean {
    return this.down || this.redis.status !== "ready";
  }

  consume(subject: string, windows: readonly RateWindow[], points = 1): RateDecision | Promise<RateDecision> {
    if (this.fallingBack) return this.local.consume(subject, windows, points);
    return this.shared.consume(subject, windows, points).catch((error: unknown) => {
      this.markDown(error);
      return this.local.consume(subject, windows, points);
    });
  }

  peek(subject: string, windows: readonly RateWindow[]): RateDecision | Promise<RateDecision> {
    if (this.fallingBack) return this.local.peek(subject, windows);
    return this.shared.peek(subject, windows).catch((error: unknown) => {
      this.markDown(error);
      return this.local.peek(subject, windows);
    });
  }

  /** Stops probing Redis (the connection itself is closed by its owner). */
  stop(): void {
    this.stopped = true;
    clearInterval(this.probe);
    this.probe = undefined;
  }

  private markDown(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.events.onDown(error);
    if (this.stopped) return;
    // A command that timed out leaves the connection "ready" with no new ready event to
    // come: a ping decides when Redis answers again.
    this.probe = setInterval(() => {
      if (this.redis.status === "ready") this.redis.ping().then(() => this.markUp(), () => {});
    }, REDIS_TIMEOUTS.reconnectMaxMs);
    this.probe.unref();
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    clearInterval(this.probe);
    this.probe = undefined;
    this.events.onUp();
  }
}
