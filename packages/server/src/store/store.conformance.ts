import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, newId } from "../keys/index.js";
import { keyFixture } from "../test-support/key-fixtures.js";
import type { KeyRecord, WorkspaceRecord } from "./records.js";
import { UniqueViolationError, type Store } from "./store.js";

export interface StoreUnderTest {
  store: Store;
  cleanup(): Promise<void>;
}

function workspaceRecord(slug: string): WorkspaceRecord {
  return { id: newId("ws"), slug, name: slug, visibility: "private", subscriptionStatus: "active", plan: "free", createdAt: Date.now() };
}

function keyRecord(workspaceId: string, overrides: Partial<KeyRecord> = {}): KeyRecord {
  return keyFixture({ workspaceId, name: "Conformance", createdAt: Date.now(), ...overrides }).record;
}

/** The behaviour every storage driver must have; each driver's test file calls this. */
export function describeStoreConformance(driver: string, open: () => Promise<StoreUnderTest | null>): void {
  describe(`${driver} store`, () => {
    let subject: StoreUnderTest | null;
    let store: Store;
    let workspace: WorkspaceRecord;

    beforeEach(async (context) => {
      subject = await open();
      if (!subject) return context.skip();
      store = subject.store;
      workspace = workspaceRecord(`conf-${Math.random().toString(36).slice(2, 8)}`);
      await store.createWorkspace(workspace);
    });

    afterEach(async () => {
      await subject?.cleanup();
    });

    it("finds a workspace by slug and by id, and refuses a second one with the same slug", async () => {
      await expect(store.findWorkspaceBySlug(workspace.slug)).resolves.toEqual(workspace);
      await expect(store.findWorkspaceById(workspace.id)).resolves.toEqual(workspace);
      await expect(store.createWorkspace({ ...workspaceRecord(workspace.slug) })).rejects.toBeInstanceOf(UniqueViolationError);
    });

    it("stores a key and finds it by hash and by id with every field intact", async () => {
      const key = keyRecord(workspace.id, { expiresAt: Date.now() + 60_000, scopes: ["keys:read", "keys:write"] });
      await store.insertKey(key);
      await expect(store.findKeyByHash(key.keyHash)).resolves.toEqual(key);
      await expect(store.findKeyById(key.id)).resolves.toEqual(key);
      await expect(store.findKeyByHash(hashApiKey(generateApiKey("live")))).resolves.toBeNull();
    });

    it("refuses two keys with the same hash", async () => {
      const key = keyRecord(workspace.id);
      await store.insertKey(key);
      await expect(store.insertKey({ ...key, id: newId("key") })).rejects.toBeInstanceOf(UniqueViolationError);
    });

    it("lists keys newest first in complete, non-overlapping pages even when timestamps tie", async () => {
      const createdAt = Date.now();
      const keys = Array.from({ length: 7 }, () => keyRecord(workspace.id, { createdAt }));
      for (const key of keys) await store.insertKey(key);
      const seen: string[] = [];
      let after: { createdAt: number; id: string } | undefined;
      for (;;) {
        const page = await store.listKeys(workspace.id, { limit: 3, after });
        seen.push(...page.map((key) => key.id));
        if (page.length < 3) break;
        const last = page.at(-1)!;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(keys.map((key) => key.id).sort().reverse());
    });

    it("revokes once: a second revoke keeps the first time and both append a change event", async () => {
      const key = keyRecord(workspace.id);
      await store.insertKey(key);
      const before = await store.latestChangeId();
      const first = await store.revokeKey(key.id, 1_000);
      const second = await store.revokeKey(key.id, 2_000);
      expect(first?.revokedAt).toBe(1_000);
      expect(second?.revokedAt).toBe(1_000);
      const events = await store.changesSince(before, 10);
      expect(events.map((event) => [event.kind, event.subject])).toEqual([
        ["key", key.keyHash],
        ["key", key.keyHash],
      ]);
    });

    it("rotates atomically: the replacement exists and the old key ends no later than it already did", async () => {
      const old = keyRecord(workspace.id, { expiresAt: Date.now() + 1_000 });
      await store.insertKey(old);
      const replacement = keyRecord(workspace.id, { replacesKeyId: old.id });
      const ended = await store.rotateKey(old.id, replacement, Date.now() + 3_600_000);
      expect(ended?.expiresAt).toBe(old.expiresAt);
      expect(ended?.replacedByKeyId).toBe(replacement.id);
      await expect(store.findKeyById(replacement.id)).resolves.toEqual(replacement);
    });

    it("rolls a rotation back whole when the replacement cannot be inserted", async () => {
      const old = keyRecord(workspace.id);
      const other = keyRecord(workspace.id);
      await store.insertKey(old);
      await store.insertKey(other);
      await expect(store.rotateKey(old.id, { ...keyRecord(workspace.id), keyHash: other.keyHash }, 5)).rejects.toBeDefined();
      const unchanged = await store.findKeyById(old.id);
      expect(unchanged?.expiresAt).toBeNull();
      expect(unchanged?.replacedByKeyId).toBeNull();
    });

    it("updates only the fields given and returns null for an unknown key", async () => {
      const key = keyRecord(workspace.id);
      await store.insertKey(key);
      const renamed = await store.updateKey(key.id, { name: "Renamed" });
      expect(renamed).toEqual({ ...key, name: "Renamed" });
      const rescoped = await store.updateKey(key.id, { scopes: ["usage:read"], expiresAt: 99 });
      expect(rescoped).toEqual({ ...key, name: "Renamed", scopes: ["usage:read"], expiresAt: 99 });
      await expect(store.updateKey("key_unknown", { name: "x" })).resolves.toBeNull();
    });

    it("adds up usage batches applied concurrently and keeps the latest last-used time", async () => {
      const key = keyRecord(workspace.id);
      await store.insertKey(key);
      const hourStart = 3_600_000 * 100;
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.applyUsageBatch({
            counts: [{ keyId: key.id, workspaceId: workspace.id, hourStart, outcome: "ok", count: 5 }],
            lastUsed: [{ keyId: key.id, at: 1_000 + i }],
          }),
        ),
      );
      const found = await store.findKeyById(key.id);
      expect(found?.lastUsedAt).toBe(1_007);
      await store.applyUsageBatch({ counts: [], lastUsed: [{ keyId: key.id, at: 10 }] });
      await expect(store.findKeyById(key.id)).resolves.toMatchObject({ lastUsedAt: 1_007 });
    });

    it("reads the change feed in order from a cursor and prunes old events", async () => {
      const start = await store.latestChangeId();
      const keys = [keyRecord(workspace.id), keyRecord(workspace.id), keyRecord(workspace.id)];
      for (const key of keys) {
        await store.insertKey(key);
        await store.revokeKey(key.id, Date.now());
      }
      const events = await store.changesSince(start, 2);
      expect(events.map((event) => event.subject)).toEqual([keys[0]!.keyHash, keys[1]!.keyHash]);
      const rest = await store.changesSince(events[1]!.id, 10);
      expect(rest.map((event) => event.subject)).toEqual([keys[2]!.keyHash]);
      await store.pruneChangesBefore(Date.now() + 1_000);
      await expect(store.changesSince(0, 10)).resolves.toEqual([]);
    });

    it("answers a ping", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
