import { beforeEach, describe, expect, it } from "vitest";
import { consoleTestbed } from "../test-support/console-session.js";
import { bearer } from "../test-support/test-keyward.js";

const bed = consoleTestbed();
let keysUrl: string;
beforeEach(() => {
  keysUrl = `/api/console/workspaces/${bed.owner.workspaceId}/keys`;
});

async function createKey(body: Record<string, unknown> = {}) {
  const response = await bed.owner.request("POST", keysUrl, { name: "Production Server", environment: "live", scopes: ["prompts:read"], expiresAt: null, ...body });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; key: string; hint: string; name: string };
}

function health(secret: string) {
  return bed.t.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
}

describe("the API Keys page's routes", () => {
  it("creates a key whose secret works at once and is answered only at creation", async () => {
    const created = await createKey();
    expect(created.key).toMatch(/^sk_live_/);
    expect((await health(created.key)).statusCode).toBe(200);
    const list = (await bed.owner.request("GET", keysUrl)).json();
    expect(list.total).toBe(1);
    expect(list.keys[0]).toMatchObject({ id: created.id, name: "Production Server", createdByName: "Olive Owner", canManage: true, unused: false, rotateRecommended: false });
    expect(JSON.stringify(list)).not.toContain(created.key);
  });

  it("answers with no-store so no cache keeps a secret", async () => {
    const response = await bed.owner.request("POST", keysUrl, { name: "K", environment: "test", scopes: ["prompts:read"], expiresAt: null });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("searches by name and filters by environment and status", async () => {
    await createKey({ name: "Production Server" });
    const test = await createKey({ name: "CI runner", environment: "test" });
    await bed.owner.request("DELETE", `${keysUrl}/${test.id}`);
    const search = (await bed.owner.request("GET", `${keysUrl}?search=prod`)).json();
    expect(search.keys.map((k: { name: string }) => k.name)).toEqual(["Production Server"]);
    const testKeys = (await bed.owner.request("GET", `${keysUrl}?environment=test`)).json();
    expect(testKeys.keys.map((k: { name: string }) => k.name)).toEqual(["CI runner"]);
    const revoked = (await bed.owner.request("GET", `${keysUrl}?status=revoked`)).json();
    expect(revoked.keys.map((k: { name: string }) => k.name)).toEqual(["CI runner"]);
    expect(revoked.total).toBe(2);
  });

  it("renames a key", async () => {
    const created = await createKey();
    const response = await bed.owner.request("PATCH", `${keysUrl}/${created.id}`, { name: "Billing" });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe("Billing");
  });

  it("rotates with a grace period: both keys work until it ends", async () => {
    const created = await createKey();
    const response = await bed.owner.request("POST", `${keysUrl}/${created.id}/rotate`, { gracePeriodSeconds: 3600 });
    expect(response.statusCode).toBe(200);
    const rotated = response.json();
    expect(rotated.replaces).toBe(created.id);
    expect(Date.parse(rotated.oldKeyExpiresAt) - Date.now()).toBeGreaterThan(3_500_000);
    expect((await health(rotated.key)).statusCode).toBe(200);
    expect((await health(created.key)).statusCode).toBe(200);
  });

  it("rotates with no grace: the old key stops at once", async () => {
    const created = await createKey();
    const rotated = (await bed.owner.request("POST", `${keysUrl}/${created.id}/rotate`, { gracePeriodSeconds: 0 })).json();
    expect((await health(created.key)).statusCode).toBe(401);
    expect((await health(rotated.key)).statusCode).toBe(200);
  });

  it("revokes a key: its next request gets 401", async () => {
    const created = await createKey();
    expect((await health(created.key)).statusCode).toBe(200);
    const response = await bed.owner.request("DELETE", `${keysUrl}/${created.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe("revoked");
    expect((await health(created.key)).statusCode).toBe(401);
  });

  it("writes each key action to the audit log with the user and IP", async () => {
    const created = await createKey();
    await bed.owner.request("PATCH", `${keysUrl}/${created.id}`, { name: "Billing" });
    await bed.owner.request("DELETE", `${keysUrl}/${created.id}`);
    const audit = (await bed.owner.request("GET", `/api/console/workspaces/${bed.owner.workspaceId}/audit?limit=200`)).json();
    const keyEntries = audit.entries.filter((e: { action: string }) => e.action.startsWith("key."));
    expect(keyEntries.map((e: { action: string }) => e.action)).toEqual(["key.revoked", "key.renamed", "key.created"]);
    expect(keyEntries[0].actor).toMatchObject({ type: "user", id: bed.owner.userId, label: "Olive Owner <owner@example.com>" });
    expect(keyEntries[0].ip).toBe("127.0.0.1");
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });
});
