import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keyward } from "./client.js";
import { NotFoundError } from "./errors.js";
import { isWellFormedKey } from "./key-format.js";
import { startRealKeyward, type RealKeyward } from "./test-support/real-keyward.js";

// The SDK against the real server, started the way users start it (compiled dist, SQLite).
let server: RealKeyward;
let admin: Keyward;
const WORKSPACE = "acme";

beforeAll(async () => {
  server = await startRealKeyward();
  const { key } = await server.createWorkspaceWithKey(WORKSPACE, ["keys:read", "keys:write", "prompts:read", "prompts:list"]);
  admin = new Keyward({ apiKey: key, baseUrl: server.baseUrl });
});

afterAll(async () => {
  await server?.close();
});

describe("SDK against a real Keyward: health and keys", () => {
  it("checks health with the key", async () => {
    const health = await admin.health();
    expect(health.status).toBe("ok");
    expect(Date.parse(health.timestamp)).not.toBeNaN();
  });

  it("creates a key whose secret is well formed and works at once", async () => {
    const issued = await admin.keys.create({ name: "SDK created", scopes: ["prompts:read"] });
    expect(isWellFormedKey(issued.key)).toBe(true);
    expect(issued).toMatchObject({ name: "SDK created", scopes: ["prompts:read"], status: "active", environment: "live" });
    const client = new Keyward({ apiKey: issued.key, baseUrl: server.baseUrl });
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
  });

  it("lists every key across pages", async () => {
    const created = await Promise.all(["one", "two", "three"].map((name) => admin.keys.create({ name: `page ${name}`, scopes: ["prompts:read"] })));
    const seen: string[] = [];
    for await (const key of admin.keys.list({ limit: 1 })) seen.push(key.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const key of created) expect(seen).toContain(key.id);
  });

  it("lists a page by hand with a cursor to the next", async () => {
    await admin.keys.create({ name: "for paging", scopes: ["prompts:read"] });
    const page = await admin.keys.listPage({ limit: 1 });
    expect(page.keys).toHaveLength(1);
    expect(page.hasMore).toBe(true);
    expect(page.cursor).toEqual(expect.any(String));
  });

  it("gets and updates a key, never returning its secret", async () => {
    const issued = await admin.keys.create({ name: "before", scopes: ["prompts:read"] });
    const fetched = await admin.keys.get(issued.id);
    expect(fetched).toMatchObject({ id: issued.id, name: "before", hint: issued.hint });
    expect(fetched).not.toHaveProperty("key");
    const updated = await admin.keys.update(issued.id, { name: "after", scopes: ["prompts:read"] });
    expect(updated).toMatchObject({ id: issued.id, name: "after", scopes: ["prompts:read"] });
  });

  it("rotates a key with a grace period: both keys work until it ends", async () => {
    const issued = await admin.keys.create({ name: "to rotate", scopes: ["prompts:read"] });
    const rotated = await admin.keys.rotate(issued.id, { gracePeriodSeconds: 3600 });
    expect(rotated.replaces).toBe(issued.id);
    expect(rotated.key).not.toBe(issued.key);
    expect(Date.parse(rotated.oldKeyExpiresAt)).toBeGreaterThan(Date.now());
    await expect(new Keyward({ apiKey: rotated.key, baseUrl: server.baseUrl }).health()).resolves.toMatchObject({ status: "ok" });
    await expect(new Keyward({ apiKey: issued.key, baseUrl: server.baseUrl }).health()).resolves.toMatchObject({ status: "ok" });
  });

  it("revokes a key", async () => {
    const issued = await admin.keys.create({ name: "to revoke", scopes: ["prompts:read"] });
    const revoked = await admin.keys.revoke(issued.id);
    expect(revoked).toMatchObject({ id: issued.id, status: "revoked" });
  });
});

describe("SDK against a real Keyward: prompts", () => {
  // Prompt routes are being built; until they are served, these skip and say why.
  async function skipUnlessPromptsServed(skip: (note: string) => never): Promise<void> {
    const response = await fetch(`${server.baseUrl}/v1/prompts/get`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const body = (await response.json()) as { error?: { message?: string } };
    if (response.status === 404 && body.error?.message?.startsWith("Route not found")) {
      const reason = "POST /v1/prompts/get is not served yet (404 Route not found): skipping the real-server prompts test";
      console.warn(reason);
      skip(reason);
    }
  }

  it("gets an unknown package as NotFoundError naming it", async ({ skip }) => {
    await skipUnlessPromptsServed(skip);
    const error = await admin.prompts.get(`@${WORKSPACE}/no-such-prompt:v1`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain(`@${WORKSPACE}/no-such-prompt:v1`);
  });

  it("lists prompts through every page", async ({ skip }) => {
    await skipUnlessPromptsServed(skip);
    const seen: string[] = [];
    for await (const prompt of admin.prompts.list({ limit: 1 })) {
      expect(prompt.packageName).toMatch(/^@/);
      seen.push(prompt.id);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});
