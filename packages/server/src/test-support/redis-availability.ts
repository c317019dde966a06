import { createRedisConnection } from "../redis/index.js";
import { startCuttableProxy, type CuttableProxy } from "./cuttable-proxy.js";

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

/**
 * A cuttable proxy in front of the test Redis and the URL that goes through it: a test plays
 * an outage on its own connections while the shared Redis keeps running.
 *
 * @example const { proxy, url } = await redisThroughProxy(redisUrl); await proxy.cut();
 */
export async function redisThroughProxy(redisUrl: string): Promise<{ proxy: CuttableProxy; url: string }> {
  const target = new URL(redisUrl);
  const proxy = await startCuttableProxy({ host: target.hostname, port: Number(target.port || 6379) });
  const proxied = new URL(redisUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  return { proxy, url: proxied.toString() };
}
