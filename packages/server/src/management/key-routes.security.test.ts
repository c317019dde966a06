import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorkspaceRecord } from "../store/index.js";
import { ALL_SCOPES, keyApi } from "../test-support/key-api.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const FORBIDDEN = { error: { code: "forbidden", message: expect.stringContaining("Insufficient permissions") } };

describe("/v1/keys, security", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let target: { id: string; secret: string };
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    target = await kw.issueKey(workspace);
  });
  afterEach(async () => {
    await kw.close();
  });

  const routes = (api: ReturnType<typeof keyApi>, id: string) => [
    () => api.create({ name: "x" }),
    () => api.list(),
    () => api.get(id),
    () => api.patch(id, { name: "x" }),
    () => api.rotate(id),
    () => api.revoke(id),
  ];

  it("answers 401 with WWW-Authenticate on every route for a missing, unknown or revoked key", async () => {
    const revoked = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] });
    await kw.keyward.keys.revoke(revoked.id);
    for (const secret of ["", "sk_live_nope", revoked.secret]) {
      for (const call of routes(keyApi(kw, secret), target.id)) {
        const response = await call();
        expect(response.statusCode).toBe(401);
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      }
    }
    await expect(kw.keyward.keys.get(target.id)).resolves.toMatchObject({ name: "Test key", revokedAt: null });
  });

  it("answers 403 on every route to a key without keys:read or keys:write", async () => {
    const everyday = await kw.issueKey(workspace);
    for (const call of routes(keyApi(kw, everyday.secret), target.id)) {
      const response = await call();
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions" } });
    }
  });

  it("lets a keys:read key read but not change", async () => {
    const reader = keyApi(kw, (await kw.issueKey(workspace, { scopes: ["keys:read"] })).secret);
    expect((await reader.list()).statusCode).toBe(200);
    expect((await reader.get(target.id)).statusCode).toBe(200);
    for (const response of [await reader.create({ name: "x" }), await reader.patch(target.id, { name: "x" }), await reader.revoke(target.id)]) {
      expect(response.statusCode).toBe(403);
    }
  });

  it("refuses to create or widen a key with a scope the caller lacks", async () => {
    const writer = keyApi(kw, (await kw.issueKey(workspace, { scopes: ["keys:write", "prompts:read"] })).secret);
    const created = await writer.create({ name: "Escalation", scopes: ["prompts:read", "usage:read"] });
    expect(created.statusCode).toBe(403);
    expect(created.json()).toEqual(FORBIDDEN);
    expect(created.json().error.message).toContain("usage:read");
    // Without scopes the everyday set is asked for, which this caller does not fully hold.
    expect((await writer.create({ name: "Defaults" })).statusCode).toBe(403);
    const patched = await writer.patch(target.id, { scopes: ["keys:write", "usage:read"] });
    expect(patched.statusCode).toBe(403);
    await expect(kw.keyward.keys.get(target.id)).resolves.toMatchObject({ scopes: ["prompts:read", "prompts:list", "monitor:run"] });
  });

  it("refuses to rotate a key holding scopes the caller lacks, which would hand it that key's rights", async () => {
    const powerful = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] });
    const writer = keyApi(kw, (await kw.issueKey(workspace, { scopes: ["keys:write", "prompts:read"] })).secret);
    const response = await writer.rotate(powerful.id);
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toMatch(/sk_(live|test)_/);
    await expect(kw.keyward.keys.get(powerful.id)).resolves.toMatchObject({ replacedByKeyId: null, expiresAt: null });
  });

  it("refuses a test key creating or rotating a live key", async () => {
    const testKey = keyApi(kw, (await kw.issueKey(workspace, { environment: "test", scopes: [...ALL_SCOPES] })).secret);
    const created = await testKey.create({ name: "Live", environment: "live", scopes: ["prompts:read"] });
    expect(created.statusCode).toBe(403);
    expect(created.json().error.message).toContain("test key");
    const live = await kw.issueKey(workspace, { scopes: ["prompts:read"] });
    expect((await testKey.rotate(live.id)).statusCode).toBe(403);
    const sandbox = await testKey.create({ name: "Sandbox", scopes: ["prompts:read"] });
    expect(sandbox.statusCode).toBe(201);
    expect(sandbox.json().environment).toBe("test");
  });

  it("treats another workspace's key id as not found on every route, and leaves that key alone", async () => {
    const other = await kw.createWorkspace("globex");
    const foreign = await kw.issueKey(other);
    const admin = keyApi(kw, (await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] })).secret);
    for (const call of routes(admin, foreign.id).slice(2)) {
      const response = await call();
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: "not_found" } });
    }
    expect((await admin.list()).json().keys.map((key: { workspaceId: string }) => key.workspaceId)).not.toContain(other.id);
    expect((await keyApi(kw, foreign.secret).health()).statusCode).toBe(200);
    await expect(kw.keyward.keys.get(foreign.id)).resolves.toMatchObject({ name: "Test key", replacedByKeyId: null });
  });

  it("never shows a secret after the response that created it", async () => {
    const admin = keyApi(kw, (await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] })).secret);
    const created = (await admin.create({ name: "Once" })).json();
    const later = [await admin.list(), await admin.get(created.id), await admin.patch(created.id, { name: "Twice" }), await admin.revoke(created.id)];
    for (const response of later) {
      expect(response.body).not.toContain(created.key);
      expect(response.body).not.toMatch(/sk_(live|test)_[0-9A-Za-z]{42}/);
    }
  });
});
