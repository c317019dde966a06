import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser-suite.js";
import { checkPage, completeSetup, healthStatus, OWNER, readClipboard, signIn, signOut, tabTo } from "./support/dashboard-steps.js";


describeInBrowser("a key's life", (suite) => {
  it("goes from setup to a working key, and revoking it in the UI makes the same call fail", async () => {
    const page = await suite.browser.newPage();
    await completeSetup(page, suite.server.setupLink);
    await signOut(page);
    await checkPage(page, "02-sign-in");
    await signIn(page, OWNER.email, OWNER.password);

    await page.getByRole("heading", { name: "Create your first API key" }).waitFor();
    await expect(page.getByText("/v1/health").first().isVisible()).resolves.toBe(true);
    await checkPage(page, "03-keys-empty");

    // The create-key flow, by keyboard alone.
    await page.getByRole("button", { name: "Create API Key" }).first().focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Create API Key" }).waitFor();
    await page.keyboard.type("Production Server");
    await tabTo(page, "usage:read");
    await page.keyboard.press("Space");
    await checkPage(page, "04-create-key-dialog");
    await tabTo(page, /^Create key$/);
    await page.keyboard.press("Enter");

    const secretDialog = page.getByRole("dialog", { name: /Your new key/ });
    await secretDialog.waitFor();
    await expect(secretDialog.getByText("cannot be shown again").isVisible()).resolves.toBe(true);
    await checkPage(page, "05-key-shown-once");
    await tabTo(page, "Copy API key");
    await page.keyboard.press("Enter");
    await secretDialog.getByRole("button", { name: "Copied API key" }).waitFor();
    const key = await readClipboard(page);
    expect(key).toMatch(/^sk_live_[0-9A-Za-z]{42}$/);
    await tabTo(page, "I have copied it");
    await page.keyboard.press("Enter");
    await secretDialog.waitFor({ state: "hidden" });

    await expect(healthStatus(suite.server.baseUrl, key)).resolves.toBe(200);

    const row = page.getByRole("row", { name: /Production Server/ });
    await expect(row.getByText("usage:read").isVisible()).resolves.toBe(true);
    await expect(row.getByText(key.slice(0, 12)).isVisible()).resolves.toBe(true);
    await checkPage(page, "06-keys-table");

    await row.getByRole("button", { name: "Actions for Production Server" }).click();
    await page.getByRole("menuitem", { name: "Revoke" }).click();
    const revokeDialog = page.getByRole("dialog", { name: "Revoke key" });
    const confirm = revokeDialog.getByRole("button", { name: "Revoke key" });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await revokeDialog.getByLabel(/Type the key's name/).fill("Production Server");
    await checkPage(page, "07-revoke-dialog");
    await confirm.click();
    await revokeDialog.waitFor({ state: "hidden" });
    await row.getByText("revoked").waitFor();

    await expect(healthStatus(suite.server.baseUrl, key)).resolves.toBe(401);
    // The secret was shown to the browser only: never written to the server's log.
    expect(suite.server.output()).not.toContain(key);
    expect(suite.server.output()).not.toContain(OWNER.password);
  }, 120_000);
});

