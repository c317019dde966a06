import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WorkspaceRecord } from "../store/index.js";
import { ALL_SCOPES, keyApi } from "../test-support/key-api.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("/v1/keys, errors", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let admin: { id: string; secret: string };
  let api: ReturnType<typeof keyApi>;
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    admin = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] });
    api = keyApi(kw, admin.secret);
  });
  afterEach(async () => {
    await kw.close();
  });

  const validationFields = (response: { statusCode: number; json: () => { error: { code: string; details?: Array<{ field: string }> } } }) => {
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("validation_error");
    return (error.details ?? []).map((detail) => detail.field);
  };

  it.each([
    ["a missing name", {}, "name"],
    ["a name of the wrong type", { name: { first: "x" } }, "name"],
    ["an empty name", { name: "" }, "name"],
    ["a blank name", { name: "   " }, "name"],
    ["an unknown scope", { name: "x", scopes: ["admin"] }, "scopes.0"],
    ["an unknown environment", { name: "x", environment: "prod" }, "environment"],
    ["an expiry that is not a date", { name: "x", expiresAt: "tomorrow" }, "expiresAt"],
    ["an expiry in the past", { name: "x", expiresAt: "2020-01-01T00:00:00Z" }, "expiresAt"],
    ["an unknown field", { name: "x", workspaceId: "ws_other" }, "workspaceId"],
  ])("refuses a create with %s as validation_error naming %s", async (_what, body, field) => {
    expect(validationFields(await api.create(body))).toContain(field);
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?limit=ten", "limit"],
    ["?cursor=not-a-cursor", "cursor"],
    ["?sort=name", "sort"],
  ])("refuses a list with %s as validation_error naming %s", async (query, field) => {
    expect(validationFields(await api.list(query))).toContain(field);
  });

  it.each([
    ["an empty body", {}],
    ["an expiry in the past", { expiresAt: "2020-01-01T00:00:00Z" }],
    ["an unknown scope", { scopes: ["keys:*"] }],
  ])("refuses a PATCH with %s", async (_what, body) => {
    const { id } = (await api.create({ name: "Target" })).json();
    expect(validationFields(await api.patch(id, body)).length).toBeGreaterThan(0);
  });

  it.each([-1, 1.5, 30 * 86_400 + 1, "1h"])("refuses a rotation with gracePeriodSeconds %j", async (grace) => {
    const { id } = (await api.create({ name: "Target" })).json();
    expect(validationFields(await api.rotate(id, { gracePeriodSeconds: grace }))).toContain("gracePeriodSeconds");
  });

  it("answers 404 not_found for an unknown key id on every route", async () => {
    for (const response of [await api.get("key_unknown"), await api.patch("key_unknown", { name: "x" }), await api.rotate("key_unknown"), await api.revoke("key_unknown")]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("answers 409 conflict when rotating a revoked or already rotated key", async () => {
    const revoked = (await api.create({ name: "Revoked" })).json();
    await api.revoke(revoked.id);
    const rotated = (await api.create({ name: "Rotated" })).json();
    await api.rotate(rotated.id, { gracePeriodSeconds: 60 });
    for (const id of [revoked.id, rotated.id]) {
      const response = await api.rotate(id);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: { code: "conflict" } });
    }
  });

  it("answers 400 for a body that is not JSON, without echoing it", async () => {
    const response = await kw.keyward.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: { ...bearer(admin.secret), "content-type": "application/json" },
      payload: '{"name": "x", "secret": "sk_live_leak',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error" } });
    expect(response.body).not.toContain("sk_live_leak");
  });

  it("answers 415 for a content type it does not read", async () => {
    const response = await kw.keyward.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: { ...bearer(admin.secret), "content-type": "application/xml" },
      payload: "<name>x</name>",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
  });

  it("answers 413 for a body over the limit", async () => {
    const response = await api.create({ name: "x".repeat(2_000_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });
});
