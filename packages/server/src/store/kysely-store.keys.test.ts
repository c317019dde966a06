import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keyFixture } from "../test-support/key-fixtures.js";
import { openTestStore, type TestStore } from "../test-support/test-store.js";

describe("KyselyStore key methods", () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(async () => {
    await t.close();
  });

  const newKey = (overrides = {}) => keyFixture({ workspaceId: t.workspace.id, ...overrides }).record;

  it("rotates a key once: a second rotation inserts nothing and leaves the first in place", async () => {
    const old = newKey();
    await t.store.insertKey(old);
    const first = newKey({ replacesKeyId: old.id });
    const second = newKey({ replacesKeyId: old.id });
    await expect(t.store.rotateKey(old.id, first, 5_000)).resolves.toMatchObject({ replacedByKeyId: first.id, expiresAt: 5_000 });
    const before = await t.store.latestChangeId();
    await expect(t.store.rotateKey(old.id, second, 9_000)).resolves.toMatchObject({ replacedByKeyId: first.id, expiresAt: 5_000 });
    await expect(t.store.findKeyById(second.id)).resolves.toBeNull();
    await expect(t.store.latestChangeId()).resolves.toBe(before);
  });

  it("rotates no revoked key", async () => {
    const old = newKey();
    await t.store.insertKey(old);
    await t.store.revokeKey(old.id, 1_000);
    const replacement = newKey({ replacesKeyId: old.id });
    await expect(t.store.rotateKey(old.id, replacement, 5_000)).resolves.toMatchObject({ revokedAt: 1_000, replacedByKeyId: null, expiresAt: null });
    await expect(t.store.findKeyById(replacement.id)).resolves.toBeNull();
  });

  it("answers null for rotating, revoking or updating a key that does not exist", async () => {
    await expect(t.store.rotateKey("key_unknown", newKey(), 1)).resolves.toBeNull();
    await expect(t.store.revokeKey("key_unknown", 1)).resolves.toBeNull();
    await expect(t.store.updateKey("key_unknown", { name: "x" })).resolves.toBeNull();
  });

  it("appends a change event naming the key hash for each update, revocation and rotation", async () => {
    const key = newKey();
    await t.store.insertKey(key);
    const before = await t.store.latestChangeId();
    await t.store.updateKey(key.id, { scopes: ["keys:read"] });
    await t.store.rotateKey(key.id, newKey({ replacesKeyId: key.id }), 5_000);
    await t.store.revokeKey(key.id, 6_000);
    const events = await t.store.changesSince(before, 10);
    expect(events.map((event) => [event.kind, event.subject])).toEqual([
      ["key", key.keyHash],
      ["key", key.keyHash],
      ["key", key.keyHash],
    ]);
  });
});
