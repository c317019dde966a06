import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hashApiKey, isWellFormedKey, keyHint } from "../keys/index.js";
import { openTestStore, type TestStore } from "../test-support/test-store.js";
import { KeyService, type CreateKeyInput } from "./key-service.js";

const START = 1_700_000_000_000;

describe("KeyService", () => {
  let t: TestStore;
  let now: number;
  let changed: ReturnType<typeof vi.fn<(hash: string) => void>>;
  let keys: KeyService;
  let input: CreateKeyInput;

  beforeEach(async () => {
    t = await openTestStore();
    now = START;
    changed = vi.fn<(hash: string) => void>();
    keys = new KeyService(t.store, changed, () => now);
    input = { workspaceId: t.workspace.id, name: "Production Server", environment: "live", scopes: ["prompts:read"], expiresAt: null, createdBy: null };
  });
  afterEach(async () => {
    await t.close();
  });

  it("creates a key whose secret is returned once and stored only as hash and hint", async () => {
    const issued = await keys.create(input);
    expect(isWellFormedKey(issued.secret)).toBe(true);
    expect(issued.secret.startsWith("sk_live_")).toBe(true);
    expect(issued.record).toMatchObject({ name: "Production Server", environment: "live", scopes: ["prompts:read"], createdAt: START });
    expect(issued.record.id).toMatch(/^key_/);
    expect(issued.record.keyHash).toBe(hashApiKey(issued.secret));
    expect(issued.record.hint).toBe(keyHint(issued.secret));
    const stored = await t.store.findKeyById(issued.record.id);
    expect(stored).toEqual(issued.record);
    expect(JSON.stringify(stored)).not.toContain(issued.secret);
  });

  it("trims the name and refuses an empty or past-expiry key", async () => {
    await expect(keys.create({ ...input, name: "  Staging  " })).resolves.toMatchObject({ record: { name: "Staging" } });
    await expect(keys.create({ ...input, name: "   " })).rejects.toMatchObject({ code: "validation_error", details: [{ field: "name" }] });
    await expect(keys.create({ ...input, expiresAt: START })).rejects.toMatchObject({
      code: "validation_error",
      details: [{ field: "expiresAt" }],
    });
  });

  it("finds a key only in its own workspace", async () => {
    const other = await t.createWorkspace();
    const { record } = await keys.create(input);
    await expect(keys.get(record.id)).resolves.toEqual(record);
    await expect(keys.get(record.id, t.workspace.id)).resolves.toEqual(record);
    await expect(keys.get(record.id, other.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(keys.get("key_unknown")).rejects.toMatchObject({ code: "not_found" });
  });

  it("updates name, scopes and expiry, and tells the cache", async () => {
    const { record } = await keys.create(input);
    const updated = await keys.update(record.id, { name: " Renamed ", scopes: ["keys:read"], expiresAt: START + 1_000 });
    expect(updated).toMatchObject({ name: "Renamed", scopes: ["keys:read"], expiresAt: START + 1_000 });
    expect(changed).toHaveBeenCalledWith(record.keyHash);
    await expect(keys.update(record.id, { name: "" })).rejects.toMatchObject({ code: "validation_error" });
  });

  it("refuses to update or revoke another workspace's key", async () => {
    const other = await t.createWorkspace();
    const { record } = await keys.create(input);
    await expect(keys.update(record.id, { name: "Mine now" }, other.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(keys.revoke(record.id, other.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(keys.get(record.id)).resolves.toMatchObject({ name: "Production Server", revokedAt: null });
  });

  it("revokes at once, keeps the first revocation time, and tells the cache", async () => {
    const { record } = await keys.create(input);
    await expect(keys.revoke(record.id)).resolves.toMatchObject({ revokedAt: START });
    now += 5_000;
    await expect(keys.revoke(record.id)).resolves.toMatchObject({ revokedAt: START });
    expect(changed).toHaveBeenCalledWith(record.keyHash);
  });

  it("lists newest first in complete, stable pages even when every key has the same createdAt", async () => {
    const created = [];
    for (let i = 0; i < 7; i++) created.push((await keys.create({ ...input, name: `Key ${i}` })).record.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await keys.list(t.workspace.id, { limit: 3, cursor });
      seen.push(...page.keys.map((key) => key.id));
      expect(page.hasMore).toBe(page.cursor !== null);
      cursor = page.cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].sort().reverse());
  });

  it("keeps its pages stable when keys are created between them", async () => {
    for (let i = 0; i < 4; i++) {
      await keys.create(input);
      now += 1;
    }
    const first = await keys.list(t.workspace.id, { limit: 2 });
    await keys.create(input);
    const second = await keys.list(t.workspace.id, { limit: 2, cursor: first.cursor! });
    // The key created meanwhile is newer than the cursor: it neither shifts nor repeats a page.
    expect([...first.keys, ...second.keys].map((key) => key.createdAt)).toEqual([START + 3, START + 2, START + 1, START]);
    expect(second).toMatchObject({ hasMore: false, cursor: null });
  });

  it("orders newest first by createdAt and answers hasMore false on the last page", async () => {
    const older = await keys.create(input);
    now += 1_000;
    const newer = await keys.create(input);
    const page = await keys.list(t.workspace.id, { limit: 5 });
    expect(page.keys.map((key) => key.id)).toEqual([newer.record.id, older.record.id]);
    expect(page).toMatchObject({ hasMore: false, cursor: null });
  });

  it("clamps the page size and rejects a cursor it did not make", async () => {
    await keys.create(input);
    await expect(keys.list(t.workspace.id, { limit: 0 })).resolves.toMatchObject({ keys: [expect.anything()] });
    await expect(keys.list(t.workspace.id, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({
      code: "validation_error",
      details: [{ field: "cursor" }],
    });
  });

  it("lists only the workspace's own keys", async () => {
    const other = await t.createWorkspace();
    await keys.create(input);
    await keys.create({ ...input, workspaceId: other.id });
    const page = await keys.list(other.id);
    expect(page.keys).toHaveLength(1);
    expect(page.keys[0]!.workspaceId).toBe(other.id);
  });
});
