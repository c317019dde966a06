import { createRedisConnection } from "../redis/index.js";

const DEFAULT_URL = "redis://127.0.0.1:6379";

/**
 * The Redis URL tests may use (`KEYWARD_TEST_REDIS_URL`, else the local default), or
 * undefined with a printed reason when no server answers: outside CI such tests are skipped.
 */
export async function redisForTests(purpose: string): Promise<string | undefined> {
  const url = process.env.KEYWARD_TEST_REDIS_URL || DEFAULT_URL;
  const redis = createRedisConnection(url, { retryStrategy: () => null, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
    return url;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI) throw new Error(`Redis is required in CI for ${purpose}: ${reason}`);
    console.warn(`Skipping ${purpose}: Redis is not reachable (${reason})`);
    return undefined;
  } finally {
    redis.disconnect();
  }
}
