import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR, SYSTEM_ACTOR } from "../audit/index.js";
import type { WorkspaceRecord } from "../store/index.js";
import { ALL_SCOPES, keyApi } from "../test-support/key-api.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import type { UserRecord } from "./people-records.js";

describe("cross-tenant: workspace B's keys against workspace A", () => {
  let kw: TestKeyward;
  let a: WorkspaceRecord;
  let b: WorkspaceRecord;
  let both: UserRecord;
  let victim: { id: string; secret: string };
  beforeEach(async () => {
    kw = await startTestKeyward();
    a = await kw.createWorkspace("alpha");
    b = await kw.createWorkspace("bravo");
    // One person who is owner of both: their B key must still see only B.
    both = await kw.addMember(a, "owner", "both@example.com");
    await kw.keyward.people.memberships.add(b.id, both.id, "owner", SYSTEM_ACTOR);
    victim = await kw.issueKey(a, { scopes: [...ALL_SCOPES], createdBy: both.id });
  });
  afterEach(async () => {
    await kw.close();
  });

  const routes = (api: ReturnType<typeof keyApi>, id: string) => ({
    get: () => api.get(id),
    patch: () => api.patch(id, { name: "taken over", scopes: ["keys:write"] }),
    rotate: () => api.rotate(id, { gracePeriodSeconds: 0 }),
    revoke: () => api.revoke(id),
  });

  it.each([
    ["the installation admin", null],
    ["an owner of both workspaces", "both"],
  ] as const)("answers 404 on every key route for A's key to a B key made by %s, and never shows A's data", async (_label, creator) => {
    const attacker = await kw.issueKey(b, { scopes: [...ALL_SCOPES], createdBy: creator === "both" ? both.id : null });
    const api = keyApi(kw, attacker.secret);
    const victimRecord = await kw.keyward.keys.get(victim.id);
    for (const [name, call] of Object.entries(routes(api, victim.id))) {
      const response = await call();
      expect([403, 404], name).toContain(response.statusCode);
      expect(response.body, name).not.toContain(victimRecord.hint);
      expect(response.body, name).not.toContain(a.id);
    }
    const listed = await api.list();
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ keys: Array<{ workspaceId: string }> }>().keys.every((k) => k.workspaceId === b.id)).toBe(true);
    expect(listed.body).not.toContain(victim.id);
    // A's key is untouched and still works; A's audit log has nothing from B.
    await expect(kw.keyward.keys.get(victim.id)).resolves.toEqual(victimRecord);
    expect((await keyApi(kw, victim.secret).health()).statusCode).toBe(200);
    expect((await kw.keyward.audit.list(a.id, { actorId: attacker.id })).entries).toEqual([]);
  });

  it("keeps B's subscription and members from affecting A's keys", async () => {
    await kw.addMember(b, "owner");
    await kw.keyward.people.memberships.remove(b.id, both.id, CLI_ACTOR);
    await kw.keyward.people.workspaces.setSubscription(b.id, "canceled", CLI_ACTOR);
    expect((await keyApi(kw, victim.secret).list()).statusCode).toBe(200);
  });
});
