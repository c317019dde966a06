import { describe, expect, it, vi } from "vitest";
import { deferred } from "../test-support/key-fixtures.js";
import type { KeyLimitRecord } from "./limits-store.js";
import { PlanCatalog } from "./plan-catalog.js";
import { BUILT_IN_PLANS } from "./plans.js";
import { KeyLimitsCache } from "./key-limits-cache.js";

const catalog = new PlanCatalog(BUILT_IN_PLANS);
const options = { maxEntries: 100, ttlMs: 60_000 };

describe("KeyLimitsCache", () => {
  it("reads a key's limits once, then answers synchronously", async () => {
    const load = vi.fn(async (): Promise<KeyLimitRecord | null> => ({ plan: "pro", windows: null }));
    const cache = new KeyLimitsCache(load, catalog, options);
    const first = cache.get("key_a", "ws_1");
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toMatchObject({ plan: { name: "pro" }, windows: BUILT_IN_PLANS[1]!.rateLimits });
    const second = cache.get("key_a", "ws_1");
    expect(second).not.toBeInstanceOf(Promise);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("prefers a key's own windows to its plan's", async () => {
    const windows = [{ limit: 5, seconds: 60 }];
    const cache = new KeyLimitsCache(async () => ({ plan: "pro", windows }), catalog, options);
    await expect(cache.get("key_a", "ws_1")).resolves.toMatchObject({ plan: { name: "pro" }, windows });
  });

  it("gives keys of an unknown or missing workspace the default plan", async () => {
    const cache = new KeyLimitsCache(async () => null, catalog, options);
    await expect(cache.get("key_a", "ws_gone")).resolves.toMatchObject({ plan: { name: "free" } });
  });

  it("shares one read between concurrent misses", async () => {
    const read = deferred<KeyLimitRecord | null>();
    const load = vi.fn(() => read.promise);
    const cache = new KeyLimitsCache(load, catalog, options);
    const a = cache.get("key_a", "ws_1");
    const b = cache.get("key_a", "ws_1");
    read.resolve({ plan: "free", windows: null });
    await Promise.all([a, b]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("drops a workspace's keys on a workspace change, and only those", async () => {
    const load = vi.fn(async (): Promise<KeyLimitRecord | null> => ({ plan: "free", windows: null }));
    const cache = new KeyLimitsCache(load, catalog, options);
    await cache.get("key_a", "ws_1");
    await cache.get("key_b", "ws_2");
    cache.invalidateWorkspace("ws_1");
    expect(cache.get("key_a", "ws_1")).toBeInstanceOf(Promise);
    expect(cache.get("key_b", "ws_2")).not.toBeInstanceOf(Promise);
  });

  it("does not cache a read that started before a change", async () => {
    const stale = deferred<KeyLimitRecord | null>();
    const load = vi.fn(() => stale.promise);
    const cache = new KeyLimitsCache(load, catalog, options);
    const reading = cache.get("key_a", "ws_1");
    cache.invalidateWorkspace("ws_1");
    stale.resolve({ plan: "free", windows: null });
    await reading;
    load.mockResolvedValueOnce({ plan: "pro", windows: null });
    await expect(cache.get("key_a", "ws_1")).resolves.toMatchObject({ plan: { name: "pro" } });
  });
});
