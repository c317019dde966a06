import { beforeEach, describe, expect, it } from "vitest";
import { TEST_PASSWORD, consoleTestbed, signIn } from "../test-support/console-session.js";

const bed = consoleTestbed();
let base: string;
beforeEach(() => {
  base = `/api/console/workspaces/${bed.owner.workspaceId}`;
});

async function invite(email: string, role = "member") {
  const response = await bed.owner.request("POST", `${base}/invitations`, { email, role });
  expect(response.statusCode).toBe(201);
  const { inviteUrl } = response.json() as { inviteUrl: string };
  return new URL(inviteUrl).searchParams.get("token")!;
}

describe("the Team page's routes", () => {
  it("invites by email and answers a link to the dashboard's invitation page", async () => {
    const response = await bed.owner.request("POST", `${base}/invitations`, { email: "Bob@Example.com", role: "viewer" });
    expect(response.json()).toMatchObject({
      invitation: { email: "bob@example.com", role: "viewer" },
      inviteUrl: expect.stringMatching(/^http:\/\/localhost(:80)?\/invite\?token=kwinv_/),
    });
    const team = (await bed.owner.request("GET", `${base}/members`)).json();
    expect(team.invitations).toEqual([expect.objectContaining({ email: "bob@example.com", role: "viewer" })]);
  });

  it("lets the invitee preview the invitation, create an account with it and land in the workspace", async () => {
    const token = await invite("bob@example.com", "viewer");
    const preview = await bed.t.keyward.app.inject({ method: "POST", url: "/api/console/invitations/preview", payload: { token } });
    expect(preview.json()).toEqual({ workspaceName: "Acme Inc", workspaceSlug: "acme", email: "bob@example.com", role: "viewer", status: "pending", accountExists: false });
    const accepted = await bed.t.keyward.app.inject({
      method: "POST",
      url: "/api/console/invitations/accept",
      payload: { token, displayName: "Bob", password: TEST_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ signedIn: true, user: { email: "bob@example.com" }, currentWorkspaceId: bed.owner.workspaceId });
    expect(accepted.json().workspaces[0]).toMatchObject({ role: "viewer", permissions: { createKeys: false } });
    await expect(signIn(bed.t, "bob@example.com")).resolves.toMatchObject({ email: "bob@example.com" });
  });

  it("lets a signed-in user with the invited email accept with one click", async () => {
    await bed.t.keyward.people.users.create({ email: "carol@example.com", password: TEST_PASSWORD });
    const token = await invite("carol@example.com", "admin");
    const carol = await signIn(bed.t, "carol@example.com");
    const response = await carol.request("POST", "/api/console/invitations/accept", { token });
    expect(response.statusCode).toBe(200);
    expect(response.json().workspaces.map((w: { role: string }) => w.role)).toEqual(["admin"]);
  });

  it("changes a member's role and removes them", async () => {
    const token = await invite("dave@example.com");
    const accepted = await bed.t.keyward.app.inject({ method: "POST", url: "/api/console/invitations/accept", payload: { token, displayName: "Dave", password: TEST_PASSWORD } });
    const daveId = accepted.json().user.id as string;
    const changed = await bed.owner.request("PATCH", `${base}/members/${daveId}`, { role: "viewer" });
    expect(changed.json()).toMatchObject({ userId: daveId, role: "viewer", you: false });
    expect((await bed.owner.request("DELETE", `${base}/members/${daveId}`)).statusCode).toBe(204);
    const team = (await bed.owner.request("GET", `${base}/members`)).json();
    expect(team.members.map((m: { email: string }) => m.email)).toEqual(["owner@example.com"]);
  });

  it("withdraws an invitation so its link stops working", async () => {
    const token = await invite("erin@example.com");
    const team = (await bed.owner.request("GET", `${base}/members`)).json();
    expect((await bed.owner.request("DELETE", `${base}/invitations/${team.invitations[0].id}`)).statusCode).toBe(204);
    const accepted = await bed.t.keyward.app.inject({ method: "POST", url: "/api/console/invitations/accept", payload: { token, displayName: "Erin", password: TEST_PASSWORD } });
    expect(accepted.statusCode).toBe(409);
  });
});

describe("the Team page's routes refuse", () => {
  it("a member inviting people", async () => {
    const token = await invite("frank@example.com", "member");
    const frank = await bed.t.keyward.app.inject({ method: "POST", url: "/api/console/invitations/accept", payload: { token, displayName: "Frank", password: TEST_PASSWORD } });
    const cookie = `keyward_session=${frank.cookies.find((c) => c.name === "keyward_session")!.value}`;
    const response = await bed.t.keyward.app.inject({
      method: "POST",
      url: `${base}/invitations`,
      headers: { cookie, "x-csrf-token": frank.json().csrfToken },
      payload: { email: "gina@example.com", role: "member" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("an invitation link for someone else's email address", async () => {
    await bed.t.keyward.people.users.create({ email: "mallory@example.com", password: TEST_PASSWORD });
    const token = await invite("bob@example.com");
    const mallory = await signIn(bed.t, "mallory@example.com");
    expect((await mallory.request("POST", "/api/console/invitations/accept", { token })).statusCode).toBe(403);
  });

  it("creating an account for an email that has one already", async () => {
    await bed.t.keyward.people.users.create({ email: "henry@example.com", password: TEST_PASSWORD });
    const token = await invite("henry@example.com");
    const response = await bed.t.keyward.app.inject({ method: "POST", url: "/api/console/invitations/accept", payload: { token, displayName: "H", password: "another password" } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/sign in/);
  });

  it("an unknown invitation token", async () => {
    const response = await bed.t.keyward.app.inject({ method: "POST", url: "/api/console/invitations/preview", payload: { token: "kwinv_nope" } });
    expect(response.statusCode).toBe(404);
  });
});
