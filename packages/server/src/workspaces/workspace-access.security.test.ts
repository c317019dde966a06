import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR, SYSTEM_ACTOR } from "../audit/index.js";
import { openStore, type KyselyStore } from "../store/index.js";
import { ALL_SCOPES, keyApi } from "../test-support/key-api.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { createPeopleServices } from "./people-services.js";

const INACTIVE = { error: { code: "forbidden", message: "The workspace subscription is inactive" } };
const CREATOR_REMOVED = {
  error: { code: "forbidden", message: "Insufficient permissions: the key's creator is no longer a member of this workspace" },
};

describe("workspace access on the request path, security", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    // Polling only when a test asks: a change from elsewhere must arrive through the feed.
    kw = await startTestKeyward({ KEYWARD_CHANGE_POLL_MS: "60000" });
  });
  afterEach(async () => {
    await kw.close();
  });

  async function memberKey(role: "owner" | "admin" | "member" | "viewer") {
    const workspace = await kw.createWorkspace();
    await kw.addMember(workspace, "owner", `founder-${workspace.slug}@example.com`);
    const user = role === "owner" ? await kw.addMember(workspace, "owner") : await kw.addMember(workspace, role);
    const key = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES], createdBy: user.id });
    return { workspace, user, key, api: keyApi(kw, key.secret) };
  }

  it("answers 403 on every route, on the very next request, once the key's creator is removed", async () => {
    const { workspace, user, key, api } = await memberKey("member");
    expect((await api.health()).statusCode).toBe(200);
    expect((await api.list()).statusCode).toBe(200);
    await kw.keyward.people.memberships.remove(workspace.id, user.id, CLI_ACTOR);
    for (const response of [await api.health(), await api.list(), await api.get(key.id), await api.create({ name: "x" })]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual(CREATOR_REMOVED);
    }
    // Nobody touched the key itself.
    await expect(kw.keyward.keys.get(key.id)).resolves.toMatchObject({ revokedAt: null, scopes: [...ALL_SCOPES] });
  });

  it("takes keys:write from a creator demoted to viewer, and leaves what a viewer may do", async () => {
    const { workspace, user, api } = await memberKey("admin");
    expect((await api.create({ name: "Before demotion" })).statusCode).toBe(201);
    await kw.keyward.people.memberships.setRole(workspace.id, user.id, "viewer", CLI_ACTOR);
    const refused = await api.create({ name: "After demotion" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions" } });
    expect((await api.list()).statusCode).toBe(200);
    expect((await api.health()).statusCode).toBe(200);
    await kw.keyward.people.memberships.setRole(workspace.id, user.id, "member", CLI_ACTOR);
    expect((await api.create({ name: "Promoted again" })).statusCode).toBe(201);
  });

  it("answers 403 forbidden saying the subscription is inactive while it is past_due or canceled", async () => {
    const { workspace, api } = await memberKey("owner");
    for (const status of ["past_due", "canceled"] as const) {
      await kw.keyward.people.workspaces.setSubscription(workspace.id, status, CLI_ACTOR);
      for (const response of [await api.health(), await api.list()]) {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toEqual(INACTIVE);
      }
    }
    await kw.keyward.people.workspaces.setSubscription(workspace.id, "active", CLI_ACTOR);
    expect((await api.health()).statusCode).toBe(200);
  });

  it("refuses a key of an inactive workspace even when it was made by the installation admin", async () => {
    const workspace = await kw.createWorkspace();
    const key = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES], createdBy: null });
    await kw.keyward.people.workspaces.setSubscription(workspace.id, "past_due", SYSTEM_ACTOR);
    expect((await keyApi(kw, key.secret).health()).json()).toEqual(INACTIVE);
  });

  it("learns of a change made by another process through the change feed", async () => {
    const { workspace, user, api } = await memberKey("member");
    expect((await api.health()).statusCode).toBe(200); // access is cached now
    const other: KyselyStore = await openStore({ dataDir: kw.dataDir, databaseUrl: kw.config.databaseUrl });
    try {
      const elsewhere = createPeopleServices({ store: other, db: other.db });
      await elsewhere.memberships.setRole(workspace.id, user.id, "viewer", CLI_ACTOR);
      await kw.keyward.changes.pollOnce();
      expect((await api.create({ name: "x" })).statusCode).toBe(403);
      await elsewhere.workspaces.setSubscription(workspace.id, "canceled", CLI_ACTOR);
      await kw.keyward.changes.pollOnce();
      expect((await api.health()).json()).toEqual(INACTIVE);
      await elsewhere.workspaces.setSubscription(workspace.id, "active", CLI_ACTOR);
      await elsewhere.memberships.remove(workspace.id, user.id, CLI_ACTOR);
      await kw.keyward.changes.pollOnce();
      expect((await api.health()).json()).toEqual(CREATOR_REMOVED);
    } finally {
      await other.close();
    }
  });

  it("gives a key made by the installation admin its own scopes, whoever the members are", async () => {
    const workspace = await kw.createWorkspace();
    await kw.addMember(workspace, "viewer");
    const key = await kw.issueKey(workspace, { scopes: ["keys:read", "keys:write"], createdBy: null });
    expect((await keyApi(kw, key.secret).create({ name: "ok", scopes: ["keys:read"] })).statusCode).toBe(201);
  });

  it("refuses a key whose creator never belonged to the workspace", async () => {
    const workspace = await kw.createWorkspace();
    const outsider = await kw.keyward.people.users.create({ email: "outsider@example.com" });
    const key = await kw.issueKey(workspace, { createdBy: outsider.id });
    expect((await keyApi(kw, key.secret).health()).json()).toEqual(CREATOR_REMOVED);
  });

  it("hands a new key the creator of the key that made it, so it follows the same person's role", async () => {
    const { workspace, user, api } = await memberKey("member");
    const created = (await api.create({ name: "Child", scopes: ["keys:read", "keys:write"] })).json<{ key: string; createdBy: string }>();
    expect(created.createdBy).toBe(user.id);
    await kw.keyward.people.memberships.remove(workspace.id, user.id, CLI_ACTOR);
    expect((await keyApi(kw, created.key).health()).statusCode).toBe(403);
  });
});
