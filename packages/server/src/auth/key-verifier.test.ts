import { describe, expect, it, vi } from "vitest";
import { generateApiKey, hashApiKey } from "../keys/index.js";
import type { KeyRecord } from "../store/index.js";
import { deferred, keyFixture } from "../test-support/key-fixtures.js";
import { KeyVerifier, type VerifyOutcome } from "./key-verifier.js";
import { VerificationCache } from "./verification-cache.js";

function makeCache(): VerificationCache {
  return new VerificationCache({ maxEntries: 100, ttlMs: 60_000, missMaxEntries: 100, missTtlMs: 60_000 });
}

/** A store holding the given keys, counting its reads. */
function storeOf(...records: KeyRecord[]) {
  const byHash = new Map(records.map((record) => [record.keyHash, record]));
  return { findKeyByHash: vi.fn(async (hash: string) => byHash.get(hash) ?? null) };
}

function withLastCharacterChanged(key: string): string {
  return key.slice(0, -1) + (key.endsWith("x") ? "y" : "x");
}

describe("KeyVerifier", () => {
  it("reads storage once, then answers from the cache synchronously", async () => {
    const { record, secret } = keyFixture();
    const store = storeOf(record);
    const verifier = new KeyVerifier(store, makeCache());
    const first = verifier.verify(`Bearer ${secret}`);
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toMatchObject({ valid: true, key: { id: record.id } });
    const second = verifier.verify(`Bearer ${secret}`);
    expect(second).not.toBeInstanceOf(Promise);
    expect(second).toMatchObject({ valid: true, key: { id: record.id, workspaceId: record.workspaceId } });
    expect(store.findKeyByHash).toHaveBeenCalledTimes(1);
  });

  it.each([
    [undefined, "MISSING"],
    ["", "MISSING"],
    ["Basic abc", "BAD_SCHEME"],
    [generateApiKey("live"), "BAD_SCHEME"],
    ["Bearer not-a-key", "MALFORMED"],
    // The last checksum character changed to one it is not (a fixed "x" would keep it 1 time in 62).
    [`Bearer ${withLastCharacterChanged(generateApiKey("live"))}`, "MALFORMED"],
  ])("answers %j with %s synchronously, without touching storage", (header, code) => {
    const store = storeOf();
    const verifier = new KeyVerifier(store, makeCache());
    expect(verifier.verify(header)).toEqual({ valid: false, code });
    expect(store.findKeyByHash).not.toHaveBeenCalled();
  });

  it("remembers an unknown key, so a flood of it reads storage once", async () => {
    const store = storeOf();
    const verifier = new KeyVerifier(store, makeCache());
    const unknown = `Bearer ${generateApiKey("live")}`;
    await expect(verifier.verify(unknown)).resolves.toEqual({ valid: false, code: "NOT_FOUND" });
    for (let i = 0; i < 100; i++) expect(verifier.verify(unknown)).toEqual({ valid: false, code: "NOT_FOUND" });
    expect(store.findKeyByHash).toHaveBeenCalledTimes(1);
  });

  it("coalesces concurrent misses for one key into a single storage read", async () => {
    const { record, secret } = keyFixture();
    const read = deferred<KeyRecord | null>();
    const store = { findKeyByHash: vi.fn(() => read.promise) };
    const verifier = new KeyVerifier(store, makeCache());
    const pending = Array.from({ length: 8 }, () => verifier.verify(`Bearer ${secret}`));
    read.resolve(record);
    const outcomes = await Promise.all(pending);
    expect(store.findKeyByHash).toHaveBeenCalledTimes(1);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ valid: true, key: { id: record.id } });
  });

  it("does not cache what a read started before an invalidation returned", async () => {
    const { record, secret } = keyFixture();
    const stale = deferred<KeyRecord | null>();
    const store = { findKeyByHash: vi.fn(() => stale.promise) };
    const verifier = new KeyVerifier(store, makeCache());
    const inFlight = verifier.verify(`Bearer ${secret}`);
    verifier.invalidateKey(record.keyHash);
    stale.resolve(record);
    await inFlight;
    store.findKeyByHash.mockResolvedValue({ ...record, revokedAt: 1 });
    await expect(verifier.verify(`Bearer ${secret}`)).resolves.toMatchObject({ valid: false, code: "REVOKED" });
  });

  it("does not hand a request that arrives after an invalidation the answer of an older read", async () => {
    const { record, secret } = keyFixture();
    const stale = deferred<KeyRecord | null>();
    const fresh = deferred<KeyRecord | null>();
    const store = { findKeyByHash: vi.fn().mockReturnValueOnce(stale.promise).mockReturnValueOnce(fresh.promise) };
    const verifier = new KeyVerifier(store, makeCache());
    const before = verifier.verify(`Bearer ${secret}`);
    verifier.invalidateKey(record.keyHash);
    const after = verifier.verify(`Bearer ${secret}`);
    stale.resolve(record);
    fresh.resolve({ ...record, revokedAt: 1 });
    await expect(before).resolves.toMatchObject({ valid: true });
    await expect(after).resolves.toMatchObject({ valid: false, code: "REVOKED" });
    expect(verifier.verify(`Bearer ${secret}`)).toMatchObject({ valid: false, code: "REVOKED" });
  });

  it.each([
    ["invalidateWorkspace", (v: KeyVerifier, r: KeyRecord) => v.invalidateWorkspace(r.workspaceId)],
    ["invalidateAll", (v: KeyVerifier) => v.invalidateAll()],
  ])("after %s, reads the key again instead of joining an older read", async (_name, invalidate) => {
    const { record, secret } = keyFixture();
    const stale = deferred<KeyRecord | null>();
    const store = { findKeyByHash: vi.fn().mockReturnValueOnce(stale.promise).mockResolvedValue({ ...record, revokedAt: 1 }) };
    const verifier = new KeyVerifier(store, makeCache());
    const before = verifier.verify(`Bearer ${secret}`);
    invalidate(verifier, record);
    const after = verifier.verify(`Bearer ${secret}`);
    stale.resolve(record);
    await before;
    await expect(after).resolves.toMatchObject({ valid: false, code: "REVOKED" });
  });

  it("drops a cached key when it is invalidated", async () => {
    const { record, secret } = keyFixture();
    const store = storeOf(record);
    const verifier = new KeyVerifier(store, makeCache());
    await verifier.verify(`Bearer ${secret}`);
    verifier.invalidateKey(hashApiKey(secret));
    expect(verifier.verify(`Bearer ${secret}`)).toBeInstanceOf(Promise);
  });

  it("refuses a revoked key and an expired key by the injected clock, naming the key", async () => {
    let now = 1_000;
    const revoked = keyFixture({ revokedAt: 500 });
    const expiring = keyFixture({ expiresAt: 2_000 });
    const verifier = new KeyVerifier(storeOf(revoked.record, expiring.record), makeCache(), () => now);
    await expect(verifier.verify(`Bearer ${revoked.secret}`)).resolves.toMatchObject({
      valid: false,
      code: "REVOKED",
      key: { id: revoked.record.id },
    });
    await expect(verifier.verify(`Bearer ${expiring.secret}`)).resolves.toMatchObject({ valid: true });
    now = 1_999;
    expect(verifier.verify(`Bearer ${expiring.secret}`)).toMatchObject({ valid: true });
    now = 2_000;
    expect(verifier.verify(`Bearer ${expiring.secret}`)).toMatchObject({ valid: false, code: "EXPIRED", key: { id: expiring.record.id } });
  });

  it("lets a key revoked in the future work until then", async () => {
    let now = 1_000;
    const { record, secret } = keyFixture({ revokedAt: 1_500 });
    const verifier = new KeyVerifier(storeOf(record), makeCache(), () => now);
    await expect(verifier.verify(`Bearer ${secret}`)).resolves.toMatchObject({ valid: true });
    now = 1_500;
    expect(verifier.verify(`Bearer ${secret}`)).toMatchObject({ valid: false, code: "REVOKED" });
  });

  it("rejects the caller's promise when storage fails, and caches nothing", async () => {
    const { record, secret } = keyFixture();
    const store = { findKeyByHash: vi.fn().mockRejectedValueOnce(new Error("disk on fire")).mockResolvedValue(record) };
    const verifier = new KeyVerifier(store, makeCache());
    await expect(verifier.verify(`Bearer ${secret}`)).rejects.toThrow("disk on fire");
    await expect(verifier.verify(`Bearer ${secret}`)).resolves.toMatchObject({ valid: true });
  });

  it("verifies a bare token with verifyToken", async () => {
    const { record, secret } = keyFixture();
    const verifier = new KeyVerifier(storeOf(record), makeCache());
    const outcome: VerifyOutcome = await verifier.verifyToken(secret);
    expect(outcome.valid).toBe(true);
  });
});
