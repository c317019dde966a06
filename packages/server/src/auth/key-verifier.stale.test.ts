import { describe, expect, it, vi } from "vitest";
import type { KeyRecord } from "../store/index.js";
import { keyFixture } from "../test-support/key-fixtures.js";
import { KeyVerifier } from "./key-verifier.js";
import { VerificationCache } from "./verification-cache.js";

const TTL_MS = 60_000;
const STALE_MS = 300_000;

/** A cache, a verifier and a store whose reads can be made to fail, all on one hand-moved clock. */
function testbed(record: KeyRecord, staleWindowMs = STALE_MS) {
  let now = 1_000_000;
  let down = false;
  const store = {
    findKeyByHash: vi.fn(async (hash: string) => {
      if (down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      return hash === record.keyHash ? record : null;
    }),
  };
  const clock = () => now;
  const cache = new VerificationCache({ maxEntries: 100, ttlMs: TTL_MS, missMaxEntries: 100, missTtlMs: 10_000, staleWindowMs, now: clock });
  const verifier = new KeyVerifier(store, cache, clock);
  return {
    store,
    cache,
    verifier,
    advance: (ms: number) => (now += ms),
    setDown: (value: boolean) => (down = value),
  };
}

/** Caches the key, cuts storage, passes the TTL, and has the key answered stale once. */
async function answerStaleOnce(bed: ReturnType<typeof testbed>, secret: string): Promise<void> {
  await bed.verifier.verifyToken(secret);
  bed.setDown(true);
  bed.advance(TTL_MS + 1);
  await expect(bed.verifier.verifyToken(secret)).resolves.toMatchObject({ valid: true });
}

describe("KeyVerifier during a storage outage", () => {
  it("keeps answering a cached key past its TTL while storage fails, within the stale window", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record);
    await expect(bed.verifier.verifyToken(secret)).resolves.toMatchObject({ valid: true });
    bed.setDown(true);
    bed.advance(TTL_MS + 1);
    await expect(bed.verifier.verifyToken(secret)).resolves.toMatchObject({ valid: true, key: { id: record.id } });
    expect(bed.verifier.stats.staleHits).toBe(1);
  });

  it("answers stale keys without waiting on storage again for a moment after a failed read", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record);
    await answerStaleOnce(bed, secret);
    const reads = bed.store.findKeyByHash.mock.calls.length;
    const next = bed.verifier.verifyToken(secret);
    expect(next).not.toBeInstanceOf(Promise);
    expect(next).toMatchObject({ valid: true });
    expect(bed.store.findKeyByHash).toHaveBeenCalledTimes(reads);
  });

  it("stops answering a key once the stale window is over", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record);
    await bed.verifier.verifyToken(secret);
    bed.setDown(true);
    bed.advance(TTL_MS + STALE_MS + 1);
    await expect(bed.verifier.verifyToken(secret)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("fails the lookup of a key it never cached, so the request path answers 503", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record);
    bed.setDown(true);
    await expect(bed.verifier.verifyToken(secret)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("never serves a stale key that was invalidated (a revocation during the outage holds)", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record);
    await bed.verifier.verifyToken(secret);
    bed.verifier.invalidateKey(record.keyHash);
    bed.setDown(true);
    bed.advance(TTL_MS + 1);
    await expect(bed.verifier.verifyToken(secret)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("reads storage again after the TTL when storage answers, and serves nothing stale with a zero window", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record, 0);
    await bed.verifier.verifyToken(secret);
    bed.advance(TTL_MS + 1);
    await expect(bed.verifier.verifyToken(secret)).resolves.toMatchObject({ valid: true });
    expect(bed.store.findKeyByHash).toHaveBeenCalledTimes(2);
    bed.setDown(true);
    bed.advance(TTL_MS + 1);
    await expect(bed.verifier.verifyToken(secret)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("recovers when storage answers again: the next read after the retry pause refreshes the key", async () => {
    const { record, secret } = keyFixture();
    const bed = testbed(record);
    await answerStaleOnce(bed, secret);
    bed.setDown(false);
    bed.advance(2_000);
    await expect(bed.verifier.verifyToken(secret)).resolves.toMatchObject({ valid: true });
    expect(bed.cache.get(record.keyHash)).toMatchObject({ id: record.id });
  });
});
