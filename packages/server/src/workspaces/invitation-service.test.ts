import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR, userActor } from "../audit/index.js";
import { openPeopleTestbed, type PeopleTestbed } from "../test-support/people-testbed.js";
import type { UserRecord } from "./people-records.js";
import { INVITATION_TTL_MS } from "./invitation-service.js";

describe("InvitationService", () => {
  let bed: PeopleTestbed;
  let owner: UserRecord;
  beforeEach(async () => {
    bed = await openPeopleTestbed();
    owner = await bed.createMember(bed.workspace, "owner", "owner@example.com");
  });
  afterEach(async () => {
    await bed.close();
  });

  it("invites an email with a role and makes the invitee a member on accept", async () => {
    const { invitation, token } = await bed.invitations.create(bed.workspace.id, "Bob@Example.com", "viewer", userActor(owner.id));
    expect(invitation).toMatchObject({ email: "bob@example.com", role: "viewer", invitedBy: owner.id, acceptedAt: null });
    expect(invitation.id).toMatch(/^inv_/);
    expect(token).toMatch(/^kwinv_[0-9A-Za-z]{40}$/);
    const bob = await bed.createUser("bob@example.com");
    await expect(bed.invitations.accept(token, bob.id)).resolves.toMatchObject({ role: "viewer", userId: bob.id });
    await expect(bed.memberships.roleOf(bed.workspace.id, bob.id)).resolves.toBe("viewer");
  });

  it("expires after 7 days", async () => {
    const { invitation, token } = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", CLI_ACTOR);
    expect(invitation.expiresAt - invitation.createdAt).toBe(INVITATION_TTL_MS);
    expect(INVITATION_TTL_MS).toBe(7 * 24 * 3600 * 1000);
    const bob = await bed.createUser("bob@example.com");
    bed.clock.now = invitation.expiresAt;
    await expect(bed.invitations.accept(token, bob.id)).rejects.toMatchObject({
      code: "conflict",
      message: "This invitation has expired; ask for a new one",
    });
    await expect(bed.memberships.roleOf(bed.workspace.id, bob.id)).resolves.toBeNull();
  });

  it("works once: a second accept fails with a clear error", async () => {
    const { token } = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", CLI_ACTOR);
    const bob = await bed.createUser("bob@example.com");
    await bed.invitations.accept(token, bob.id);
    await bed.memberships.remove(bed.workspace.id, bob.id, userActor(owner.id));
    await expect(bed.invitations.accept(token, bob.id)).rejects.toMatchObject({
      code: "conflict",
      message: "This invitation has already been used",
    });
  });

  it("accepts at most once when two accepts race", async () => {
    const { token } = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", CLI_ACTOR);
    const bob = await bed.createUser("bob@example.com");
    const results = await Promise.allSettled([bed.invitations.accept(token, bob.id), bed.invitations.accept(token, bob.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
  });

  it("stores only a hash of the token", async () => {
    const { token } = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", CLI_ACTOR);
    const rows = await bed.store.db.selectFrom("invitations").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an unknown token, another person's invitation and a revoked one", async () => {
    const bob = await bed.createUser("bob@example.com");
    await expect(bed.invitations.accept("kwinv_nope", bob.id)).rejects.toMatchObject({ code: "not_found", message: "Invitation not found" });
    const forCarol = await bed.invitations.create(bed.workspace.id, "carol@example.com", "member", CLI_ACTOR);
    await expect(bed.invitations.accept(forCarol.token, bob.id)).rejects.toMatchObject({
      code: "forbidden",
      message: "This invitation is for a different email address",
    });
    const forBob = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", CLI_ACTOR);
    await bed.invitations.revoke(bed.workspace.id, forBob.invitation.id, userActor(owner.id));
    await expect(bed.invitations.accept(forBob.token, bob.id)).rejects.toMatchObject({ code: "conflict", message: /revoked/ });
  });

  it("lets only owners and admins invite, and admins not as owner", async () => {
    const admin = await bed.createMember(bed.workspace, "admin");
    const member = await bed.createMember(bed.workspace, "member");
    await expect(bed.invitations.create(bed.workspace.id, "x@example.com", "viewer", userActor(member.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.invitations.create(bed.workspace.id, "x@example.com", "owner", userActor(admin.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(bed.invitations.create(bed.workspace.id, "x@example.com", "admin", userActor(admin.id))).resolves.toBeDefined();
  });

  it("refuses to invite an existing member or into a missing workspace", async () => {
    await expect(bed.invitations.create(bed.workspace.id, "OWNER@example.com", "viewer", CLI_ACTOR)).rejects.toMatchObject({ code: "conflict" });
    await expect(bed.invitations.create("ws_missing", "x@example.com", "viewer", CLI_ACTOR)).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows what a link leads to, and lists only pending invitations", async () => {
    const first = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", CLI_ACTOR);
    const second = await bed.invitations.create(bed.workspace.id, "carol@example.com", "viewer", CLI_ACTOR);
    await expect(bed.invitations.peek(first.token)).resolves.toMatchObject({
      status: "pending",
      workspace: { id: bed.workspace.id, slug: bed.workspace.slug },
      invitation: { email: "bob@example.com" },
    });
    await expect(bed.invitations.peek("kwinv_unknown")).resolves.toBeNull();
    await bed.invitations.accept(first.token, (await bed.createUser("bob@example.com")).id);
    expect((await bed.invitations.listPending(bed.workspace.id)).map((i) => i.id)).toEqual([second.invitation.id]);
  });

  it("audits invitations and the membership they create, never the token", async () => {
    const { token, invitation } = await bed.invitations.create(bed.workspace.id, "bob@example.com", "member", userActor(owner.id, "198.51.100.4"));
    const bob = await bed.createUser("bob@example.com");
    await bed.invitations.accept(token, bob.id);
    const { entries } = await bed.audit.list(bed.workspace.id);
    expect(entries.slice(0, 2).map((e) => [e.action, e.actor.id, e.target])).toEqual([
      ["member.added", bob.id, { type: "user", id: bob.id }],
      ["member.invited", owner.id, { type: "invitation", id: invitation.id }],
    ]);
    expect(JSON.stringify(entries)).not.toContain(token);
  });
});
