import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI_ACTOR, userActor } from "../audit/index.js";
import { openPeopleTestbed, type PeopleTestbed } from "../test-support/people-testbed.js";

describe("WorkspaceService", () => {
  let bed: PeopleTestbed;
  beforeEach(async () => {
    bed = await openPeopleTestbed();
  });
  afterEach(async () => {
    await bed.close();
  });

  it("sets the subscription status, appends a workspace change event and audits from and to", async () => {
    const before = await bed.store.latestChangeId();
    const updated = await bed.workspaces.setSubscription(bed.workspace.id, "past_due", CLI_ACTOR);
    expect(updated.subscriptionStatus).toBe("past_due");
    await expect(bed.workspaces.getById(bed.workspace.id)).resolves.toMatchObject({ subscriptionStatus: "past_due" });
    const events = await bed.store.changesSince(before, 10);
    expect(events.map((e) => [e.kind, e.subject])).toEqual([["workspace", bed.workspace.id]]);
    expect(bed.changed).toEqual([bed.workspace.id]);
    const { entries } = await bed.audit.list(bed.workspace.id, { action: "workspace.subscription_changed" });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { type: "cli", id: null }, metadata: { from: "active", to: "past_due" } });
  });

  it("changes nothing when the status is already the one asked for", async () => {
    const before = await bed.store.latestChangeId();
    await bed.workspaces.setSubscription(bed.workspace.id, "active", CLI_ACTOR);
    expect(await bed.store.latestChangeId()).toBe(before);
    expect((await bed.audit.list(bed.workspace.id)).entries).toEqual([]);
  });

  it("refuses an unknown status and an unknown workspace", async () => {
    await expect(bed.workspaces.setSubscription(bed.workspace.id, "paused" as never, CLI_ACTOR)).rejects.toMatchObject({ code: "validation_error" });
    await expect(bed.workspaces.setSubscription("ws_missing", "canceled", CLI_ACTOR)).rejects.toMatchObject({ code: "not_found" });
  });

  it("creates a workspace with its first owner in one step", async () => {
    const ada = await bed.createUser();
    const acme = await bed.workspaces.create({ slug: "acme", name: "Acme Inc", ownerUserId: ada.id }, userActor(ada.id));
    await expect(bed.memberships.roleOf(acme.id, ada.id)).resolves.toBe("owner");
    const { entries } = await bed.audit.list(acme.id);
    expect(entries.map((e) => e.action)).toEqual(["workspace.created"]);
  });

  it("leaves no workspace behind when the owner does not exist, and refuses a taken slug", async () => {
    await expect(bed.workspaces.create({ slug: "acme", ownerUserId: "usr_missing" })).rejects.toMatchObject({ code: "not_found" });
    await expect(bed.store.findWorkspaceBySlug("acme")).resolves.toBeNull();
    await bed.workspaces.create({ slug: "acme" });
    await expect(bed.workspaces.create({ slug: "acme" })).rejects.toMatchObject({ code: "conflict" });
  });
});
