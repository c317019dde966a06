import type { Redis } from "ioredis";
import { FailoverRateLimitStore } from "./failover-rate-limit-store.js";
import { RedisChangeBus } from "./redis-change-bus.js";
import { createRedisConnection } from "./redis-connection.js";

/** Where the Redis backend reports outages (the app's logger, once it exists). */
export interface RedisBackendLog {
  warn(error: unknown, message: string): void;
  info(message: string): void;
}

/** Everything one instance keeps in Redis (`REDIS_URL`): shared rate limits and the invalidation bus. */
export interface RedisBackend {
  connection: Redis;
  rates: FailoverRateLimitStore;
  /** Subscribes to the invalidation bus; `onChange` reads the change feed. */
  listen(onChange: () => void): Promise<void>;
  /** Tells every instance a change has committed (a no-op before `listen` or while Redis is down). */
  publish(): void;
  /** Whether this instance is subscribed to the invalidation bus now. */
  listening(): boolean;
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Opens the Redis connections of one instance. Nothing here blocks start-up: with Redis
 * unreachable, limits count in memory and the change feed's poll carries invalidations,
 * and both move to Redis once it answers.
 *
 * @example
 * const redis = openRedisBackend(config.redisUrl, log);
 * createLimits(config, db, warn, wrap, { rates: redis.rates }); await redis.listen(() => void changes.pollOnce());
 */
export function openRedisBackend(url: string, log: RedisBackendLog): RedisBackend {
  const connection = createRedisConnection(url);
  let closing = false;
  const rates = new FailoverRateLimitStore(connection, {
    onDown: (error) => {
      // Closing drops the connection on purpose: no outage to report.
      if (!closing) log.warn(error, "Redis is unreachable; rate limits count per instance until it returns");
    },
    onUp: () => log.info("Redis is reachable again; rate limits are shared again"),
  });
  let bus: RedisChangeBus | undefined;
  return {
    connection,
    rates,
    async listen(onChange) {
      bus = new RedisChangeBus(connection, createRedisConnection(url), onChange, (error) =>
        log.warn(error, "Redis invalidation bus failed; changes arrive by polling meanwhile"),
      );
      await bus.start();
    },
    publish() {
      bus?.publish();
    },
    listening: () => bus?.listening ?? false,
    ping: () => connection.ping(),
    async close() {
      closing = true;
      rates.stop();
      await bus?.stop();
      connection.disconnect();
    },
  };
}
