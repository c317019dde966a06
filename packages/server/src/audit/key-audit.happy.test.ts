import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_SCOPES, keyApi } from "../test-support/key-api.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import type { WorkspaceRecord } from "../store/index.js";

describe("audit entries for key management through the API", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let admin: { id: string; secret: string };
  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    admin = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] });
  });
  afterEach(async () => {
    await kw.close();
  });

  const entriesBy = async (actorId: string) => (await kw.keyward.audit.list(workspace.id, { actorId })).entries.reverse();

  it("writes one entry per action, naming the key that acted and its IP", async () => {
    const api = keyApi(kw, admin.secret);
    const created = (await api.create({ name: "Production Server", scopes: ["prompts:read"] })).json<{ id: string; key: string; hint: string }>();
    await api.patch(created.id, { name: "Prod" });
    await api.patch(created.id, { scopes: ["prompts:read", "prompts:list"] });
    const rotated = (await api.rotate(created.id, { gracePeriodSeconds: 3600 })).json<{ id: string; key: string }>();
    await api.revoke(rotated.id);

    const entries = await entriesBy(admin.id);
    expect(entries.map((e) => e.action)).toEqual(["key.created", "key.renamed", "key.updated", "key.rotated", "key.revoked"]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ workspaceId: workspace.id, actor: { type: "key", id: admin.id }, ip: "127.0.0.1" });
    }
    expect(entries[0]).toMatchObject({
      target: { type: "key", id: created.id },
      metadata: { name: "Production Server", hint: created.hint, environment: "live", scopes: ["prompts:read"], expiresAt: null },
    });
    expect(entries[1]!.metadata).toMatchObject({ from: "Production Server", to: "Prod" });
    expect(entries[2]!.metadata).toMatchObject({ changes: { scopes: { from: ["prompts:read"], to: ["prompts:read", "prompts:list"] } } });
    expect(entries[3]).toMatchObject({ target: { id: created.id }, metadata: { replacementKeyId: rotated.id, gracePeriodSeconds: 3600 } });
    expect(entries[4]).toMatchObject({ target: { id: rotated.id } });

    const everything = JSON.stringify(entries);
    for (const secret of [admin.secret, created.key, rotated.key]) expect(everything).not.toContain(secret);
  });

  it("writes nothing for a refused action or one that changes nothing", async () => {
    const api = keyApi(kw, admin.secret);
    const created = (await api.create({ name: "CI" })).json<{ id: string }>();
    await api.patch(created.id, { name: "CI" });
    await api.revoke(created.id);
    await api.revoke(created.id);
    expect((await api.rotate(created.id)).statusCode).toBe(409);
    expect((await api.create({ name: "" })).statusCode).toBe(400);
    expect((await entriesBy(admin.id)).map((e) => e.action)).toEqual(["key.created", "key.revoked"]);
  });
});
