import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import type { WorkspaceRecord } from "../store/index.js";
import { keyFixture } from "../test-support/key-fixtures.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const INVALID_KEY = { error: { code: "unauthorized", message: "Invalid API key" } };

describe("the authentication hook", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
  });
  afterEach(async () => {
    await kw.close();
  });

  const health = (headers: Record<string, string> = {}) => kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers });

  it("gives unknown, revoked, expired and malformed keys the identical 401", async () => {
    const revoked = await kw.issueKey(workspace);
    await kw.keyward.keys.revoke(revoked.id);
    const expired = keyFixture({ workspaceId: workspace.id, createdAt: Date.now() - 10_000, expiresAt: Date.now() - 1 });
    await kw.keyward.store.insertKey(expired.record);

    const answers = await Promise.all(
      [generateApiKey("live"), revoked.secret, expired.secret, "sk_live_short", `${revoked.secret.slice(0, -1)}0`].map((secret) =>
        health(bearer(secret)),
      ),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual(INVALID_KEY);
      expect(answer.headers["www-authenticate"]).toBe('Bearer realm="keyward"');
    }
    // Byte for byte the same: nothing tells an attacker a key once existed.
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.headers["content-length"])).size).toBe(1);
  });

  it("answers a missing key with the same 401", async () => {
    const answer = await health();
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toEqual(INVALID_KEY);
  });

  it.each(["Basic dXNlcjpwYXNz", "Token abc", "__KEY__"])("tells %s to use the Bearer prefix", async (header) => {
    const { secret } = await kw.issueKey(workspace);
    const answer = await health({ authorization: header.replace("__KEY__", secret) });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Bearer") } });
    expect(answer.body).not.toContain(secret);
  });

  it("accepts the scheme in any case", async () => {
    const { secret } = await kw.issueKey(workspace);
    for (const scheme of ["bearer", "BEARER", "BeArEr"]) {
      expect((await health({ authorization: `${scheme} ${secret}` })).statusCode).toBe(200);
    }
  });

  it("answers 403 when the key lacks the route's scope, and lets a key with it through", async () => {
    const everyday = await kw.issueKey(workspace);
    const reader = await kw.issueKey(workspace, { scopes: ["keys:read"] });
    const refused = await kw.keyward.app.inject({ method: "GET", url: "/v1/keys", headers: bearer(everyday.secret) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions" } });
    const allowed = await kw.keyward.app.inject({ method: "GET", url: "/v1/keys", headers: bearer(reader.secret) });
    expect(allowed.statusCode).toBe(200);
  });

  it("needs no key on routes without auth", async () => {
    expect((await kw.keyward.app.inject({ method: "GET", url: "/livez" })).statusCode).toBe(200);
  });

  it("counts every answer to a known key, refused ones included, and none for unknown keys", async () => {
    const valid = await kw.issueKey(workspace);
    const revoked = await kw.issueKey(workspace);
    await kw.keyward.keys.revoke(revoked.id);
    const before = kw.keyward.usage.pendingRequests;
    await health(bearer(valid.secret));
    await health(bearer(valid.secret));
    await health(bearer(revoked.secret));
    await health(bearer(generateApiKey("live")));
    await health();
    expect(kw.keyward.usage.pendingRequests - before).toBe(3);
  });

  it("sees a revocation made in this process at once", async () => {
    const { id, secret } = await kw.issueKey(workspace);
    expect((await health(bearer(secret))).statusCode).toBe(200);
    await kw.keyward.keys.revoke(id);
    expect((await health(bearer(secret))).statusCode).toBe(401);
  });
});
