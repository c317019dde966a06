import { describe, expect, it } from "vitest";
import type { KeyRecord } from "../store/index.js";
import { keyFixture } from "../test-support/key-fixtures.js";
import { keyBadges, ROTATE_AFTER_MS, UNUSED_AFTER_MS } from "./key-badges.js";

const NOW = 1_000 * 86_400_000;

function key(patch: Partial<KeyRecord>): KeyRecord {
  return keyFixture({ createdAt: NOW, ...patch }).record;
}

describe("keyBadges", () => {
  it("recommends rotating an active key older than 90 days", () => {
    expect(keyBadges(key({ createdAt: NOW - ROTATE_AFTER_MS, lastUsedAt: NOW }), NOW)).toEqual({ rotateRecommended: true, unused: false });
  });

  it("marks a key unused after 30 days without a request", () => {
    expect(keyBadges(key({ createdAt: NOW - UNUSED_AFTER_MS, lastUsedAt: null }), NOW).unused).toBe(true);
    expect(keyBadges(key({ createdAt: NOW - 2 * UNUSED_AFTER_MS, lastUsedAt: NOW - UNUSED_AFTER_MS + 1 }), NOW).unused).toBe(false);
  });

  it("leaves a new key alone", () => {
    expect(keyBadges(key({}), NOW)).toEqual({ rotateRecommended: false, unused: false });
  });

  it("gives revoked keys no badge: there is nothing left to do with them", () => {
    expect(keyBadges(key({ createdAt: 0, revokedAt: NOW - 1 }), NOW)).toEqual({ rotateRecommended: false, unused: false });
  });
});
