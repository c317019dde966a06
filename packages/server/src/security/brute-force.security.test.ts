import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KeyVerifier, VerificationCache } from "../auth/index.js";
import { BASE62_ALPHABET, CHECKSUM_LENGTH, computeChecksum, isWellFormedKey, KEY_PREFIXES, RANDOM_PART_LENGTH } from "../keys/index.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const GUESSES = 1_000_000;

/** A store that knows no key and counts how often it is asked. */
function countingStore() {
  const store = {
    lookups: 0,
    findKeyByHash: async () => {
      store.lookups++;
      return null;
    },
  };
  return store;
}

/** Random base62 text, fast enough for a million guesses (the slight modulo bias is irrelevant to an attacker's guess). */
function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let text = "";
  for (let i = 0; i < length; i++) text += BASE62_ALPHABET[bytes[i]! % 62];
  return text;
}

function verifierOn(store: ReturnType<typeof countingStore>) {
  const cache = new VerificationCache({ maxEntries: 1_000, ttlMs: 60_000, missMaxEntries: 50_000, missTtlMs: 10_000 });
  return new KeyVerifier(store, cache);
}

describe("brute force against the verifier", () => {
  it(`rejects ${GUESSES.toLocaleString("en")} random key-shaped guesses, and none reaches storage (the checksum stops them)`, async () => {
    const store = countingStore();
    const verifier = verifierOn(store);
    let accepted = 0;
    let passedChecksum = 0;
    for (let i = 0; i < GUESSES; i++) {
      const guess = (i % 2 === 0 ? KEY_PREFIXES.live : KEY_PREFIXES.test) + randomBase62(RANDOM_PART_LENGTH + CHECKSUM_LENGTH);
      if (isWellFormedKey(guess)) passedChecksum++;
      let outcome = verifier.verifyToken(guess);
      if (outcome instanceof Promise) outcome = await outcome;
      if (outcome.valid) accepted++;
    }
    expect(accepted).toBe(0);
    // A random checksum matches once in 62^6 ≈ 5.7e10 guesses: in practice never.
    expect(store.lookups).toBe(passedChecksum);
    expect(store.lookups).toBe(0);
    expect(verifier.stats.malformed).toBe(GUESSES);
  }, 300_000);

  it(`rejects ${GUESSES.toLocaleString("en")} guesses with a correct checksum; each reaches storage once, a repeat never`, async () => {
    // An attacker who knows the checksum algorithm (it is public) gets past it, and then meets the miss cache.
    const store = countingStore();
    const verifier = verifierOn(store);
    let accepted = 0;
    for (let i = 0; i < GUESSES; i++) {
      const body = KEY_PREFIXES.live + randomBase62(RANDOM_PART_LENGTH);
      const guess = body + computeChecksum(body);
      let outcome = verifier.verifyToken(guess);
      if (outcome instanceof Promise) outcome = await outcome;
      if (outcome.valid || outcome.code !== "NOT_FOUND") accepted++;
    }
    expect(accepted).toBe(0);
    expect(store.lookups).toBe(GUESSES);
    // The latest guesses are remembered as unknown: asking again costs no lookup.
    const before = store.lookups;
    const recent: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const body = KEY_PREFIXES.test + randomBase62(RANDOM_PART_LENGTH);
      recent.push(body + computeChecksum(body));
    }
    for (const guess of recent) await verifier.verifyToken(guess);
    const afterFirst = store.lookups;
    expect(afterFirst - before).toBe(1_000);
    for (const guess of recent) {
      const outcome = verifier.verifyToken(guess);
      expect(outcome instanceof Promise).toBe(false);
    }
    expect(store.lookups).toBe(afterFirst);
  }, 300_000);
});

describe("brute force over HTTP", () => {
  let t: TestKeyward;
  beforeEach(async () => {
    t = await startTestKeyward({ KEYWARD_IP_RATE_LIMITS: "100/minute" });
  });
  afterEach(async () => {
    await t.close();
  });

  it("throttles an IP guessing keys after 100 guesses: 401s, then 429s in the registry dialect, and no more lookups", async () => {
    const statuses: number[] = [];
    let lookupsWhenThrottled = -1;
    for (let i = 0; i < 300; i++) {
      const body = KEY_PREFIXES.live + randomBase62(RANDOM_PART_LENGTH);
      const response = await t.keyward.app.inject({
        url: "/v1/health",
        remoteAddress: "203.0.113.7",
        headers: { authorization: `Bearer ${body}${computeChecksum(body)}` },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
        expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
        if (lookupsWhenThrottled < 0) lookupsWhenThrottled = t.keyward.verifier.stats.misses;
      }
    }
    expect(statuses.slice(0, 100).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(100).every((status) => status === 429)).toBe(true);
    // Once throttled, guesses are refused before verification: storage is not asked again.
    expect(t.keyward.verifier.stats.misses).toBe(lookupsWhenThrottled);
    // Another address is not affected.
    const other = await t.keyward.app.inject({ url: "/v1/health", remoteAddress: "198.51.100.9", headers: { authorization: "Bearer sk_live_x" } });
    expect(other.statusCode).toBe(401);
  });
});
