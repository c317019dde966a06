import { Redis, type RedisOptions } from "ioredis";

/** Bounds on every Redis connection: a Redis that hangs or is gone never holds a request. */
export const REDIS_TIMEOUTS = {
  connectTimeoutMs: 2_000,
  commandTimeoutMs: 500,
  reconnectMaxMs: 2_000,
} as const;

/**
 * Opens a Redis connection that fails fast instead of queueing: commands sent while it is
 * not connected are rejected at once (`enableOfflineQueue: false`), each command waits at
 * most `commandTimeout`, and it reconnects by itself with a bounded backoff. Callers fall
 * back to per-instance state while it is down.
 *
 * @example const redis = createRedisConnection("redis://127.0.0.1:6379"); await redis.ping();
 */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectTimeout: REDIS_TIMEOUTS.connectTimeoutMs,
    commandTimeout: REDIS_TIMEOUTS.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, REDIS_TIMEOUTS.reconnectMaxMs),
    ...options,
  });
  // Errors are reported through the callers' fallbacks; without a listener ioredis prints each one.
  redis.on("error", () => {});
  return redis;
}
