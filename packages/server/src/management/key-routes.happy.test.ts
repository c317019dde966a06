import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isWellFormedKey } from "../keys/index.js";
import type { WorkspaceRecord } from "../store/index.js";
import { ALL_SCOPES, keyApi } from "../test-support/key-api.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("/v1/keys, happy paths", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let api: ReturnType<typeof keyApi>;
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    api = keyApi(kw, (await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] })).secret);
  });
  afterEach(async () => {
    await kw.close();
  });

  it("creates a key with the everyday scopes and shows its secret once", async () => {
    const created = await api.create({ name: "Production Server" });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      id: expect.stringMatching(/^key_/),
      name: "Production Server",
      workspaceId: workspace.id,
      environment: "live",
      scopes: ["prompts:read", "prompts:list", "monitor:run"],
      status: "active",
      createdAt: expect.stringMatching(ISO),
      expiresAt: null,
      lastUsedAt: null,
    });
    expect(isWellFormedKey(body.key)).toBe(true);
    expect(body.hint).toBe(`${body.key.slice(0, 12)}…${body.key.slice(-4)}`);
    await expect(keyApi(kw, body.key).health()).resolves.toMatchObject({ statusCode: 200 });
    const fetched = await api.get(body.id);
    expect(fetched.json()).not.toHaveProperty("key");
    expect(fetched.body).not.toContain(body.key);
  });

  it("creates a test key with chosen scopes and an expiry", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await api.create({ name: "Sandbox", environment: "test", scopes: ["keys:read", "prompts:read"], expiresAt });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ environment: "test", scopes: ["prompts:read", "keys:read"], expiresAt });
    expect(created.json().key.startsWith("sk_test_")).toBe(true);
  });

  it("lists keys newest first in pages of {keys, cursor, hasMore} that cover every key once", async () => {
    for (let i = 0; i < 4; i++) await api.create({ name: `Key ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.list(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(Object.keys(page).sort()).toEqual(["cursor", "hasMore", "keys"]);
      expect(page.hasMore).toBe(page.cursor !== null);
      for (const key of page.keys) expect(key).not.toHaveProperty("key");
      seen.push(...page.keys.map((key: { id: string }) => key.id));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it("lists with a default page size and hasMore false when all fit", async () => {
    const page = (await api.list()).json();
    expect(page).toMatchObject({ keys: [expect.objectContaining({ workspaceId: workspace.id })], cursor: null, hasMore: false });
  });

  it("renames, rescopes and changes the expiry with PATCH", async () => {
    const { id } = (await api.create({ name: "Old name" })).json();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const patched = await api.patch(id, { name: "New name", scopes: ["keys:read"], expiresAt });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id, name: "New name", scopes: ["keys:read"], expiresAt });
    const cleared = await api.patch(id, { expiresAt: null });
    expect(cleared.json()).toMatchObject({ name: "New name", expiresAt: null });
  });

  it("applies a scope change at once on the request path", async () => {
    const created = (await api.create({ name: "Reader", scopes: ["keys:read"] })).json();
    expect((await keyApi(kw, created.key).list()).statusCode).toBe(200);
    await api.patch(created.id, { scopes: ["prompts:read"] });
    expect((await keyApi(kw, created.key).list()).statusCode).toBe(403);
  });

  it("rotates: the answer is the new key plus replaces and oldKeyExpiresAt, and the old key stops at once", async () => {
    const old = (await api.create({ name: "Rotating" })).json();
    const rotated = await api.rotate(old.id);
    expect(rotated.statusCode).toBe(200);
    const body = rotated.json();
    expect(body).toMatchObject({ name: "Rotating", scopes: old.scopes, environment: "live", replaces: old.id, replacesKeyId: old.id });
    expect(body.id).not.toBe(old.id);
    expect(isWellFormedKey(body.key)).toBe(true);
    expect(Date.parse(body.oldKeyExpiresAt)).toBeLessThanOrEqual(Date.now());
    expect((await keyApi(kw, old.key).health()).statusCode).toBe(401);
    expect((await keyApi(kw, body.key).health()).statusCode).toBe(200);
    expect((await api.get(old.id)).json()).toMatchObject({ replacedByKeyId: body.id, status: "expired" });
  });

  it("rotates with a grace period: both keys work until it ends", async () => {
    const old = (await api.create({ name: "Rotating" })).json();
    const before = Date.now();
    const body = (await api.rotate(old.id, { gracePeriodSeconds: 3_600 })).json();
    expect(Date.parse(body.oldKeyExpiresAt)).toBeGreaterThanOrEqual(before + 3_600_000 - 1_000);
    expect((await keyApi(kw, old.key).health()).statusCode).toBe(200);
    expect((await keyApi(kw, body.key).health()).statusCode).toBe(200);
  });

  it("revokes with DELETE, after which the key gets 401", async () => {
    const created = (await api.create({ name: "Doomed" })).json();
    expect((await keyApi(kw, created.key).health()).statusCode).toBe(200);
    const revoked = await api.revoke(created.id);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: created.id, status: "revoked", revokedAt: expect.stringMatching(ISO) });
    const refused = await keyApi(kw, created.key).health();
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ error: { code: "unauthorized", message: "Invalid API key" } });
  });

  it("revokes idempotently", async () => {
    const { id } = (await api.create({ name: "Twice" })).json();
    const first = (await api.revoke(id)).json();
    const second = await api.revoke(id);
    expect(second.statusCode).toBe(200);
    expect(second.json().revokedAt).toBe(first.revokedAt);
  });
});
