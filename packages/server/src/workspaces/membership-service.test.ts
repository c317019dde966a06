import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR, keyActor, userActor } from "../audit/index.js";
import { openPeopleTestbed, type PeopleTestbed } from "../test-support/people-testbed.js";

describe("MembershipService", () => {
  let bed: PeopleTestbed;
  beforeEach(async () => {
    bed = await openPeopleTestbed();
  });
  afterEach(async () => {
    await bed.close();
  });

  async function workspaceChanges(workspaceId: string): Promise<number> {
    const events = await bed.store.changesSince(0, 1000);
    return events.filter((event) => event.kind === "workspace" && event.subject === workspaceId).length;
  }

  it("adds, lists, re-roles and removes members", async () => {
    const ws = bed.workspace;
    const owner = await bed.createMember(ws, "owner", "owner@example.com");
    const ada = await bed.createUser("ada@example.com");
    await expect(bed.memberships.add(ws.id, ada.id, "member", userActor(owner.id))).resolves.toMatchObject({ role: "member" });
    await expect(bed.memberships.roleOf(ws.id, ada.id)).resolves.toBe("member");
    expect((await bed.memberships.list(ws.id)).map((m) => [m.email, m.role])).toEqual([
      ["owner@example.com", "owner"],
      ["ada@example.com", "member"],
    ]);
    await expect(bed.memberships.setRole(ws.id, ada.id, "viewer", userActor(owner.id))).resolves.toMatchObject({ role: "viewer" });
    await bed.memberships.remove(ws.id, ada.id, userActor(owner.id));
    await expect(bed.memberships.roleOf(ws.id, ada.id)).resolves.toBeNull();
  });

  it("lists the workspaces a user belongs to, with the role in each", async () => {
    const other = await bed.createWorkspace("other");
    const ada = await bed.createMember(bed.workspace, "owner");
    await bed.memberships.add(other.id, ada.id, "viewer", CLI_ACTOR);
    const mine = await bed.memberships.listWorkspacesOf(ada.id);
    expect(mine.map((entry) => [entry.workspace.slug, entry.role])).toEqual([
      [bed.workspace.slug, "owner"],
      ["other", "viewer"],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(mine[0]!.workspace.subscriptionStatus).toBe("active");
  });

  it("keeps the last owner: neither removed nor demoted", async () => {
    const owner = await bed.createMember(bed.workspace, "owner");
    await expect(bed.memberships.remove(bed.workspace.id, owner.id, CLI_ACTOR)).rejects.toMatchObject({
      code: "conflict",
      message: "A workspace keeps at least one owner: make another member owner first",
    });
    await expect(bed.memberships.setRole(bed.workspace.id, owner.id, "admin", userActor(owner.id))).rejects.toMatchObject({ code: "conflict" });
    await expect(bed.memberships.roleOf(bed.workspace.id, owner.id)).resolves.toBe("owner");
  });

  it("lets an owner step down once another owner exists", async () => {
    const first = await bed.createMember(bed.workspace, "owner");
    const second = await bed.createMember(bed.workspace, "admin");
    await bed.memberships.setRole(bed.workspace.id, second.id, "owner", userActor(first.id));
    await bed.memberships.setRole(bed.workspace.id, first.id, "member", userActor(first.id));
    await expect(bed.memberships.roleOf(bed.workspace.id, first.id)).resolves.toBe("member");
    await expect(bed.memberships.ownerOf(bed.workspace.id)).resolves.toBe(second.id);
  });

  it("lets only owners and admins manage, and keeps admins away from owners", async () => {
    const ws = bed.workspace;
    const owner = await bed.createMember(ws, "owner");
    const admin = await bed.createMember(ws, "admin");
    const member = await bed.createMember(ws, "member");
    const newcomer = await bed.createUser();
    await expect(bed.memberships.add(ws.id, newcomer.id, "viewer", userActor(member.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.memberships.add(ws.id, newcomer.id, "owner", userActor(admin.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.memberships.setRole(ws.id, owner.id, "viewer", userActor(admin.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.memberships.remove(ws.id, owner.id, userActor(admin.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.memberships.add(ws.id, newcomer.id, "admin", keyActor("key_x"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.memberships.add(ws.id, newcomer.id, "admin", userActor(admin.id))).resolves.toMatchObject({ role: "admin" });
  });

  it("refuses to add a user who does not exist or a member twice, and to change a stranger", async () => {
    const owner = await bed.createMember(bed.workspace, "owner");
    await expect(bed.memberships.add(bed.workspace.id, "usr_missing", "member", CLI_ACTOR)).rejects.toMatchObject({ code: "not_found" });
    await expect(bed.memberships.add(bed.workspace.id, owner.id, "member", CLI_ACTOR)).rejects.toMatchObject({ code: "conflict" });
    const stranger = await bed.createUser();
    await expect(bed.memberships.setRole(bed.workspace.id, stranger.id, "viewer", CLI_ACTOR)).rejects.toMatchObject({ code: "not_found" });
    await expect(bed.memberships.add("ws_missing", stranger.id, "viewer", CLI_ACTOR)).rejects.toMatchObject({ code: "not_found" });
  });

  it("appends a workspace change event with every change and tells the local listener", async () => {
    const ws = bed.workspace;
    const owner = await bed.createMember(ws, "owner");
    const ada = await bed.createUser();
    const before = await workspaceChanges(ws.id);
    await bed.memberships.add(ws.id, ada.id, "member", userActor(owner.id));
    await bed.memberships.setRole(ws.id, ada.id, "viewer", userActor(owner.id));
    await bed.memberships.setRole(ws.id, ada.id, "viewer", userActor(owner.id)); // no change, no event
    await bed.memberships.remove(ws.id, ada.id, userActor(owner.id));
    expect((await workspaceChanges(ws.id)) - before).toBe(3);
    expect(bed.changed.filter((id) => id === ws.id).length - 1).toBe(3); // the first came from createMember
  });

  it("writes nothing when a rule refuses the change", async () => {
    const owner = await bed.createMember(bed.workspace, "owner");
    const before = await workspaceChanges(bed.workspace.id);
    await expect(bed.memberships.remove(bed.workspace.id, owner.id, CLI_ACTOR)).rejects.toMatchObject({ code: "conflict" });
    expect(await workspaceChanges(bed.workspace.id)).toBe(before);
    expect((await bed.audit.list(bed.workspace.id, { action: "member.removed" })).entries).toEqual([]);
  });

  it("audits each change with its actor, target and old and new roles", async () => {
    const ws = bed.workspace;
    const owner = await bed.createMember(ws, "owner");
    const ada = await bed.createUser("ada@example.com");
    const actor = userActor(owner.id, "203.0.113.7");
    await bed.memberships.add(ws.id, ada.id, "member", actor);
    await bed.memberships.setRole(ws.id, ada.id, "viewer", actor);
    await bed.memberships.remove(ws.id, ada.id, actor);
    const { entries } = await bed.audit.list(ws.id, { actorId: owner.id });
    expect(entries.map((e) => [e.action, e.metadata])).toEqual([
      ["member.removed", { email: "ada@example.com", role: "viewer" }],
      ["member.role_changed", { email: "ada@example.com", from: "member", to: "viewer" }],
      ["member.added", { email: "ada@example.com", role: "member" }],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor: { type: "user", id: owner.id }, ip: "203.0.113.7", target: { type: "user", id: ada.id } });
    }
  });

  it("lets two owners demoting each other at once leave exactly one owner", async () => {
    const a = await bed.createMember(bed.workspace, "owner");
    const b = await bed.createMember(bed.workspace, "owner");
    const results = await Promise.allSettled([
      bed.memberships.setRole(bed.workspace.id, b.id, "member", userActor(a.id)),
      bed.memberships.setRole(bed.workspace.id, a.id, "member", userActor(b.id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = (await bed.memberships.list(bed.workspace.id)).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
  });
});
