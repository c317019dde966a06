import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser-suite.js";
import { checkPage, completeSetup, field, readClipboard, signIn, signOut } from "./support/dashboard-steps.js";

const VIEWER = { name: "Vera Viewer", email: "vera@example.com", password: "viewer password 123" };

describeInBrowser("a team", (suite) => {
  it("invites a viewer who joins through the link, signs in, and cannot create keys", async () => {
    const page = await suite.browsers[0]!.newPage();
    await completeSetup(page, suite.server.setupLink);
    await page.getByRole("link", { name: "Team" }).click();
    await page.getByRole("heading", { name: "Team" }).waitFor();
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await field(page, "Email").fill(VIEWER.email);
    await dialog.getByLabel(/^Role/).click();
    await page.getByRole("option", { name: /^Viewer/ }).click();
    await dialog.getByRole("button", { name: "Create invitation link" }).click();
    await dialog.getByRole("button", { name: "Copy invitation link" }).click();
    const link = await readClipboard(page);
    expect(link).toMatch(/\/invite\?token=kwinv_/);
    await checkPage(page, "11-invitation-link");
    await dialog.getByRole("button", { name: "Done" }).click();
    await page.getByRole("cell", { name: VIEWER.email }).waitFor();
    await checkPage(page, "12-team");

    // The invitee, in their own browser, opens the link and creates their account.
    const joining = await suite.browsers[1]!.newPage();
    await joining.goto(link);
    await joining.getByRole("heading", { name: "Join Acme Inc" }).waitFor();
    await checkPage(joining, "13-accept-invitation");
    await field(joining, "Your name").fill(VIEWER.name);
    await field(joining, "Choose a password").fill(VIEWER.password);
    await joining.getByRole("button", { name: "Create account and join" }).click();
    await joining.getByRole("heading", { name: "API Keys", exact: true }).waitFor();

    // …signs out and back in with the password they chose.
    await signOut(joining);
    await signIn(joining, VIEWER.email, VIEWER.password);
    await expect(joining.getByText("Viewers cannot create keys").isVisible()).resolves.toBe(true);
    await expect(joining.getByRole("button", { name: "Create API Key" }).count()).resolves.toBe(0);
    await checkPage(joining, "14-viewer-keys");

    // The server refuses it too, whatever the page shows.
    const status = await joining.evaluate(async () => {
      const session = await (await fetch("/api/console/session")).json();
      const response = await fetch(`/api/console/workspaces/${session.currentWorkspaceId}/keys`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: JSON.stringify({ name: "Sneaky", environment: "live", scopes: ["prompts:read"], expiresAt: null }),
      });
      return response.status;
    });
    expect(status).toBe(403);

    // The owner sees the new member with their role.
    await page.reload();
    await page.getByRole("cell", { name: VIEWER.name }).waitFor();
    await expect(page.getByRole("combobox", { name: `Role of ${VIEWER.name}` }).inputValue()).resolves.toBe("viewer");
  }, 120_000);
}, 2);
