import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { RateWindow } from "../limits/index.js";
import type { CuttableProxy } from "../test-support/cuttable-proxy.js";
import { redisForTests, redisThroughProxy } from "../test-support/redis-availability.js";
import { FailoverRateLimitStore } from "./failover-rate-limit-store.js";
import { createRedisConnection } from "./redis-connection.js";

const redisUrl = await redisForTests("Redis rate-limit tests");

describe.skipIf(!redisUrl)("FailoverRateLimitStore", () => {
  const opened: Redis[] = [];
  const proxies: CuttableProxy[] = [];
  let prefix: string;

  beforeAll(() => {
    prefix = `keyward-test:${randomUUID()}`;
  });

  afterEach(async () => {
    for (const redis of opened.splice(0)) redis.disconnect();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  async function connect(url = redisUrl!): Promise<Redis> {
    const redis = createRedisConnection(url);
    opened.push(redis);
    await vi.waitFor(() => expect(redis.status).toBe("ready"), { timeout: 5_000 });
    return redis;
  }

  async function sharedStore(url?: string, events = { onDown: vi.fn(), onUp: vi.fn() }) {
    return { store: new FailoverRateLimitStore(await connect(url), events, prefix), events };
  }

  async function admitted(store: FailoverRateLimitStore, subject: string, windows: RateWindow[], count: number): Promise<number> {
    let allowed = 0;
    for (let i = 0; i < count; i++) if ((await store.consume(subject, windows)).allowed) allowed++;
    return allowed;
  }

  it("admits exactly N per window across two instances counting in one Redis", async () => {
    const [a, b] = [await sharedStore(), await sharedStore()];
    const subject = `key_${randomUUID()}`;
    const window = [{ limit: 5, seconds: 60 }];

    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).store.consume(subject, window)));

    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    await expect(Promise.resolve(a.store.peek(subject, window))).resolves.toMatchObject({ allowed: false, tightest: { remaining: 0 } });
  });

  it("takes nothing from the other windows when one window denies a request", async () => {
    const { store } = await sharedStore();
    const subject = `key_${randomUUID()}`;
    const minute = { limit: 1, seconds: 60 };
    const hour = { limit: 3, seconds: 3600 };

    expect(await admitted(store, subject, [minute, hour], 4)).toBe(1);

    // Three denials by the minute window left the hour window with two of its three.
    expect(await admitted(store, subject, [hour], 5)).toBe(2);
  });

  it("answers from memory when Redis hangs instead of waiting on it", async () => {
    const { proxy, url } = await redisThroughProxy(redisUrl!);
    proxies.push(proxy);
    const { store, events } = await sharedStore(url);
    const window = [{ limit: 2, seconds: 60 }];

    proxy.stall();

    // The first count waits out the command timeout; the rest go straight to memory.
    expect(await admitted(store, `key_${randomUUID()}`, window, 4)).toBe(2);
    expect(events.onDown).toHaveBeenCalledTimes(1);
    await proxy.restore();
    await vi.waitFor(() => expect(store.fallingBack).toBe(false), { timeout: 10_000, interval: 50 });
    store.stop();
  });

  it("keeps answering from memory while Redis is cut, warning once, and counts in Redis again once it returns", async () => {
    const { proxy, url } = await redisThroughProxy(redisUrl!);
    proxies.push(proxy);
    const { store, events } = await sharedStore(url);
    const direct = (await sharedStore()).store;
    const subject = `key_${randomUUID()}`;
    const window = [{ limit: 3, seconds: 60 }];
    expect(await admitted(store, subject, window, 1)).toBe(1);

    await proxy.cut();
    // Per-instance limits through the outage: a fresh memory window admits its own three.
    expect(await admitted(store, subject, window, 5)).toBe(3);
    expect(store.fallingBack).toBe(true);
    expect(events.onDown).toHaveBeenCalledTimes(1);

    await proxy.restore();
    await vi.waitFor(() => expect(store.fallingBack).toBe(false), { timeout: 10_000, interval: 50 });
    expect(events.onUp).toHaveBeenCalledTimes(1);
    // Back on Redis: the one count taken there before the outage, plus two more, fill the window.
    expect(await admitted(store, subject, window, 5)).toBe(2);
    await expect(Promise.resolve(direct.peek(subject, window))).resolves.toMatchObject({ allowed: false });
  });
});
