import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeyVerifier, VerificationCache } from "../auth/index.js";
import { openTestStore, type TestStore } from "../test-support/test-store.js";
import { KeyService, MAX_GRACE_SECONDS, type CreateKeyInput } from "./key-service.js";

const START = 1_700_000_000_000;
const HOUR = 3_600_000;

describe("KeyService.rotate", () => {
  let t: TestStore;
  let now: number;
  let keys: KeyService;
  let verifier: KeyVerifier;
  let input: CreateKeyInput;

  beforeEach(async () => {
    t = await openTestStore();
    now = START;
    const cache = new VerificationCache({ maxEntries: 100, ttlMs: 60_000, missMaxEntries: 100, missTtlMs: 60_000 });
    verifier = new KeyVerifier(t.store, cache, () => now);
    keys = new KeyService(t.store, (hash) => verifier.invalidateKey(hash), () => now);
    input = {
      workspaceId: t.workspace.id,
      name: "Production Server",
      environment: "test",
      scopes: ["prompts:read", "keys:read"],
      expiresAt: null,
      createdBy: "usr_owner",
    };
  });
  afterEach(async () => {
    await t.close();
  });

  const verify = async (secret: string) => (await verifier.verify(`Bearer ${secret}`)).valid;

  it("issues a replacement with the same settings that points back at the old key", async () => {
    const old = await keys.create(input);
    const { issued, old: ended } = await keys.rotate(old.record.id, 0);
    expect(issued.secret).not.toBe(old.secret);
    expect(issued.secret.startsWith("sk_test_")).toBe(true);
    expect(issued.record).toMatchObject({
      workspaceId: t.workspace.id,
      name: "Production Server",
      environment: "test",
      scopes: ["prompts:read", "keys:read"],
      createdBy: "usr_owner",
      replacesKeyId: old.record.id,
      expiresAt: null,
    });
    expect(ended.replacedByKeyId).toBe(issued.record.id);
  });

  it("without grace ends the old key at once, even one already in the cache", async () => {
    const old = await keys.create(input);
    expect(await verify(old.secret)).toBe(true);
    const { issued, old: ended } = await keys.rotate(old.record.id, 0);
    expect(ended.expiresAt).toBe(START);
    expect(await verify(old.secret)).toBe(false);
    expect(await verify(issued.secret)).toBe(true);
  });

  it("with grace keeps the old key working until the grace period ends", async () => {
    const old = await keys.create(input);
    const { issued, old: ended } = await keys.rotate(old.record.id, 3_600);
    expect(ended.expiresAt).toBe(START + HOUR);
    now = START + HOUR - 1;
    expect(await verify(old.secret)).toBe(true);
    expect(await verify(issued.secret)).toBe(true);
    now = START + HOUR;
    expect(await verify(old.secret)).toBe(false);
    expect(await verify(issued.secret)).toBe(true);
  });

  it("never lets grace extend a key that expires sooner", async () => {
    const old = await keys.create({ ...input, expiresAt: START + HOUR });
    const { old: ended } = await keys.rotate(old.record.id, 86_400);
    expect(ended.expiresAt).toBe(START + HOUR);
  });

  it("gives an expiring key's replacement the same lifetime, counted from the rotation", async () => {
    const old = await keys.create({ ...input, expiresAt: START + 30 * 24 * HOUR });
    now = START + 10 * 24 * HOUR;
    const { issued } = await keys.rotate(old.record.id, 0);
    expect(issued.record.createdAt).toBe(now);
    expect(issued.record.expiresAt).toBe(now + 30 * 24 * HOUR);
  });

  it("keeps the lifetime to the millisecond even when the clock moves during the rotation", async () => {
    const ticking = new KeyService(t.store, () => {}, () => ++now);
    const old = await ticking.create({ ...input, expiresAt: START + HOUR });
    const { issued } = await ticking.rotate(old.record.id, 0);
    expect(issued.record.expiresAt! - issued.record.createdAt).toBe(old.record.expiresAt! - old.record.createdAt);
  });

  it.each([
    ["revoked", async (k: KeyService, id: string) => void (await k.revoke(id))],
    ["already rotated", async (k: KeyService, id: string) => void (await k.rotate(id, 3_600))],
  ])("refuses a %s key with a conflict", async (_state, prepare) => {
    const old = await keys.create(input);
    await prepare(keys, old.record.id);
    await expect(keys.rotate(old.record.id, 0)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an expired key with a conflict", async () => {
    const old = await keys.create({ ...input, expiresAt: START + 1_000 });
    now = START + 1_000;
    await expect(keys.rotate(old.record.id, 0)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });
  });

  /** A KeyService whose store lets `interleave` run just before the rotation's transaction. */
  function racingService(interleave: () => Promise<unknown>): KeyService {
    const store = Object.create(t.store) as typeof t.store;
    store.rotateKey = async (...args) => {
      await interleave();
      return t.store.rotateKey(...args);
    };
    return new KeyService(store, (hash) => verifier.invalidateKey(hash), () => now);
  }

  it("issues exactly one replacement when two rotations of one key race", async () => {
    const old = await keys.create(input);
    let first: Awaited<ReturnType<KeyService["rotate"]>> | undefined;
    const racing = racingService(async () => {
      first = await keys.rotate(old.record.id, 0);
    });
    await expect(racing.rotate(old.record.id, 0)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already rotated") });
    expect((await keys.list(t.workspace.id)).keys).toHaveLength(2);
    await expect(keys.get(old.record.id)).resolves.toMatchObject({ replacedByKeyId: first!.issued.record.id });
  });

  it("issues no replacement for a key revoked while the rotation runs", async () => {
    const old = await keys.create(input);
    const racing = racingService(() => keys.revoke(old.record.id));
    await expect(racing.rotate(old.record.id, 3_600)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("revoked") });
    expect((await keys.list(t.workspace.id)).keys).toHaveLength(1);
    await expect(keys.get(old.record.id)).resolves.toMatchObject({ replacedByKeyId: null, expiresAt: null });
  });

  it.each([-1, 1.5, MAX_GRACE_SECONDS + 1])("refuses a grace period of %s seconds", async (grace) => {
    const old = await keys.create(input);
    await expect(keys.rotate(old.record.id, grace)).rejects.toMatchObject({
      code: "validation_error",
      details: [{ field: "gracePeriodSeconds" }],
    });
  });

  it("refuses another workspace's key as not found", async () => {
    const other = await t.createWorkspace();
    const old = await keys.create(input);
    await expect(keys.rotate(old.record.id, 0, other.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(keys.get(old.record.id)).resolves.toMatchObject({ replacedByKeyId: null, expiresAt: null });
  });

  it("tells the cache about the old key", async () => {
    const changed = vi.fn();
    const service = new KeyService(t.store, changed, () => now);
    const old = await service.create(input);
    await service.rotate(old.record.id, 0);
    expect(changed).toHaveBeenCalledWith(old.record.keyHash);
  });
});
