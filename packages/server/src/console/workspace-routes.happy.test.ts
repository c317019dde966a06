import { describe, expect, it } from "vitest";
import { consoleTestbed, signedInMember } from "../test-support/console-session.js";

const bed = consoleTestbed();

describe("workspaces in the dashboard", () => {
  it("creates another workspace, owned by the user, and switches to it", async () => {
    const created = await bed.owner.request("POST", "/api/console/workspaces", { name: "Side Project", slug: "side" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: "side", role: "owner", permissions: { createKeys: true, viewAuditLog: true } });
    const state = (await bed.owner.request("GET", "/api/console/session")).json();
    expect(state.workspaces.map((w: { slug: string }) => w.slug)).toEqual(["acme", "side"]);
    expect(state.currentWorkspaceId).toBe(created.json().id);
  });

  it("switches back to another of the user's workspaces", async () => {
    await bed.owner.request("POST", "/api/console/workspaces", { name: "Side Project", slug: "side" });
    expect((await bed.owner.request("PUT", "/api/console/session/workspace", { workspaceId: bed.owner.workspaceId })).statusCode).toBe(204);
    expect((await bed.owner.request("GET", "/api/console/session")).json().currentWorkspaceId).toBe(bed.owner.workspaceId);
  });

  it("refuses to switch to a workspace the user is not in", async () => {
    const other = await bed.t.createWorkspace("other");
    expect((await bed.owner.request("PUT", "/api/console/session/workspace", { workspaceId: other.id })).statusCode).toBe(404);
  });

  it("renames a workspace, keeps its slug, and records it", async () => {
    const response = await bed.owner.request("PATCH", `/api/console/workspaces/${bed.owner.workspaceId}`, { name: "Acme Corporation" });
    expect(response.json()).toMatchObject({ name: "Acme Corporation", slug: "acme" });
    const audit = (await bed.owner.request("GET", `/api/console/workspaces/${bed.owner.workspaceId}/audit?action=workspace.renamed`)).json();
    expect(audit.entries[0].metadata).toEqual({ from: "Acme Inc", to: "Acme Corporation" });
  });

  it("shows the subscription status, and lets only owners and admins rename", async () => {
    await bed.t.keyward.people.workspaces.setSubscription(bed.owner.workspaceId, "past_due", { type: "cli", id: null, ip: null });
    const member = await signedInMember(bed.t, bed.owner.workspaceId, "member", "member@example.com");
    const settings = (await member.request("GET", `/api/console/workspaces/${bed.owner.workspaceId}`)).json();
    expect(settings).toMatchObject({ subscriptionStatus: "past_due", role: "member", permissions: { editSettings: false } });
    expect((await member.request("PATCH", `/api/console/workspaces/${bed.owner.workspaceId}`, { name: "Mine now" })).statusCode).toBe(403);
  });

  it("keeps the audit log from members who are not owners or admins", async () => {
    const member = await signedInMember(bed.t, bed.owner.workspaceId, "member", "member@example.com");
    expect((await member.request("GET", `/api/console/workspaces/${bed.owner.workspaceId}/audit`)).statusCode).toBe(403);
  });
});
