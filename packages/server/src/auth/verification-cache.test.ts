import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { keyFixture } from "../test-support/key-fixtures.js";
import { VerificationCache, type VerificationCacheOptions } from "./verification-cache.js";
import { toVerifiedKey } from "./verified-key.js";

function makeCache(options: Partial<VerificationCacheOptions> = {}): VerificationCache {
  return new VerificationCache({ maxEntries: 100, ttlMs: 60_000, missMaxEntries: 100, missTtlMs: 60_000, ...options });
}

function verifiedKey(workspaceId = "ws_a") {
  const { record } = keyFixture({ workspaceId });
  return { hash: record.keyHash, key: toVerifiedKey(record) };
}

describe("VerificationCache", () => {
  it("tells a hit, a remembered miss and an unknown hash apart", () => {
    const cache = makeCache();
    const { hash, key } = verifiedKey();
    cache.setHit(hash, key);
    cache.setMiss("unknown-hash");
    expect(cache.get(hash)).toBe(key);
    expect(cache.get("unknown-hash")).toBeNull();
    expect(cache.get("never-seen")).toBeUndefined();
  });

  it("never lets a flood of misses evict a hit", () => {
    const cache = makeCache({ maxEntries: 10, missMaxEntries: 10 });
    const real = Array.from({ length: 10 }, () => verifiedKey());
    for (const { hash, key } of real) cache.setHit(hash, key);
    for (let i = 0; i < 10_000; i++) cache.setMiss(`made-up-${i}`);
    for (const { hash, key } of real) expect(cache.get(hash)).toBe(key);
    expect(cache.size).toEqual({ hits: 10, misses: 10 });
  });

  it("stays within its bounds, evicting the least recently used hit", () => {
    const cache = makeCache({ maxEntries: 2 });
    const [a, b, c] = [verifiedKey(), verifiedKey(), verifiedKey()];
    cache.setHit(a.hash, a.key);
    cache.setHit(b.hash, b.key);
    cache.get(a.hash);
    cache.setHit(c.hash, c.key);
    expect(cache.get(a.hash)).toBe(a.key);
    expect(cache.get(b.hash)).toBeUndefined();
    expect(cache.size.hits).toBe(2);
  });

  it("replaces a remembered miss when the key turns out to exist", () => {
    const cache = makeCache();
    const { hash, key } = verifiedKey();
    cache.setMiss(hash);
    cache.setHit(hash, key);
    expect(cache.get(hash)).toBe(key);
    expect(cache.size.misses).toBe(0);
  });

  it("forgets misses after their short TTL", async () => {
    const cache = makeCache({ missTtlMs: 5 });
    cache.setMiss("unknown-hash");
    await sleep(25);
    expect(cache.get("unknown-hash")).toBeUndefined();
  });

  it("forgets hits after their TTL, the backstop to invalidation", async () => {
    const cache = makeCache({ ttlMs: 5 });
    const { hash, key } = verifiedKey();
    cache.setHit(hash, key);
    await sleep(25);
    expect(cache.get(hash)).toBeUndefined();
  });

  it("remembers no misses at all when their TTL is 0", () => {
    const cache = makeCache({ missTtlMs: 0 });
    cache.setMiss("unknown-hash");
    expect(cache.get("unknown-hash")).toBeUndefined();
  });

  it("deletes one key, hit or miss", () => {
    const cache = makeCache();
    const { hash, key } = verifiedKey();
    cache.setHit(hash, key);
    cache.setMiss("unknown-hash");
    cache.delete(hash);
    cache.delete("unknown-hash");
    expect(cache.get(hash)).toBeUndefined();
    expect(cache.get("unknown-hash")).toBeUndefined();
  });

  it("deletes every key of one workspace and only those", () => {
    const cache = makeCache();
    const a1 = verifiedKey("ws_a");
    const a2 = verifiedKey("ws_a");
    const b = verifiedKey("ws_b");
    for (const { hash, key } of [a1, a2, b]) cache.setHit(hash, key);
    cache.deleteWorkspace("ws_a");
    expect(cache.get(a1.hash)).toBeUndefined();
    expect(cache.get(a2.hash)).toBeUndefined();
    expect(cache.get(b.hash)).toBe(b.key);
  });

  it("clears everything", () => {
    const cache = makeCache();
    const { hash, key } = verifiedKey();
    cache.setHit(hash, key);
    cache.setMiss("unknown-hash");
    cache.clear();
    expect(cache.size).toEqual({ hits: 0, misses: 0 });
  });
});
