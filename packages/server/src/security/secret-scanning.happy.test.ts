import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, keyHint } from "../keys/index.js";
import { createScanningSigner } from "../test-support/secret-scanning.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const URL = "/v1/secret-scanning/report";
const LEAK_URL = "https://github.com/octocat/hello/blob/0123456789abcdef/config.env";

describe("POST /v1/secret-scanning/report", () => {
  const signer = createScanningSigner();
  let t: TestKeyward;
  beforeEach(async () => {
    t = await startTestKeyward({ KEYWARD_SECRET_SCANNING_PUBLIC_KEYS: signer.setting });
  });
  afterEach(async () => {
    await t.close();
  });

  const report = (matches: unknown[]) => {
    const body = JSON.stringify(matches);
    return t.keyward.app.inject({ method: "POST", url: URL, headers: signer.headers(body), payload: body });
  };

  it("revokes a reported live key at once and labels it a true positive, by hash", async () => {
    const workspace = await t.createWorkspace();
    const key = await t.issueKey(workspace);
    expect((await t.keyward.app.inject({ url: "/v1/health", headers: bearer(key.secret) })).statusCode).toBe(200);
    const response = await report([{ token: key.secret, type: "keyward_api_key", url: LEAK_URL, source: "content" }]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual([{ token_hash: hashApiKey(key.secret), token_type: "keyward_api_key", label: "true_positive" }]);
    expect(response.body).not.toContain(key.secret);
    expect((await t.keyward.app.inject({ url: "/v1/health", headers: bearer(key.secret) })).statusCode).toBe(401);
    expect((await t.keyward.keys.get(key.id)).revokedAt).not.toBeNull();
  });

  it("records key.revoked and key.leaked with the URL and source where the key leaked", async () => {
    const workspace = await t.createWorkspace();
    const key = await t.issueKey(workspace);
    await report([{ token: key.secret, type: "keyward_api_key", url: LEAK_URL, source: "commit" }]);
    const page = await t.keyward.audit.list(workspace.id);
    const actions = page.entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["key.revoked", "key.leaked"]));
    const leaked = page.entries.find((entry) => entry.action === "key.leaked")!;
    expect(leaked.target).toEqual({ type: "key", id: key.id });
    expect(leaked.metadata).toMatchObject({ url: LEAK_URL, source: "commit", hint: keyHint(key.secret) });
    expect(leaked.actor.type).toBe("system");
    expect(JSON.stringify(page.entries)).not.toContain(key.secret);
  });

  it("labels unknown, malformed and foreign tokens false positives, and a revoked key a true positive", async () => {
    const workspace = await t.createWorkspace();
    const revoked = await t.issueKey(workspace);
    await t.keyward.keys.revoke(revoked.id);
    const unknown = generateApiKey("live");
    const matches = [
      { token: unknown, type: "keyward_api_key", url: LEAK_URL, source: "content" },
      { token: "sk_live_not-a-key", type: "keyward_api_key", url: LEAK_URL, source: "content" },
      { token: "ghp_somethingelse", type: "other", url: LEAK_URL, source: "npm" },
      { token: revoked.secret, type: "keyward_api_key", url: LEAK_URL, source: "content" },
    ];
    const response = await report(matches);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(
      matches.map((match, index) => ({
        token_hash: hashApiKey(match.token),
        token_type: match.type,
        label: index === 3 ? "true_positive" : "false_positive",
      })),
    );
  });

  it("answers one verdict per match and revokes a key reported twice once", async () => {
    const workspace = await t.createWorkspace();
    const key = await t.issueKey(workspace);
    const match = { token: key.secret, type: "keyward_api_key", url: LEAK_URL, source: "content" };
    const response = await report([match, match]);
    expect(response.json()).toHaveLength(2);
    const page = await t.keyward.audit.list(workspace.id, { action: "key.leaked" });
    expect(page.entries).toHaveLength(1);
  });

  it("leaves the JSON parsing of every other route as it was", async () => {
    const workspace = await t.createWorkspace();
    const key = await t.issueKey(workspace, { scopes: ["keys:write", "keys:read"] });
    const response = await t.keyward.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: bearer(key.secret),
      payload: { name: "Still parsed", scopes: ["keys:read"] },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it("accepts an empty report and matches without url or source", async () => {
    expect((await report([])).json()).toEqual([]);
    const response = await report([{ token: generateApiKey("test"), type: "keyward_api_key" }]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual([expect.objectContaining({ label: "false_positive" })]);
  });
});
