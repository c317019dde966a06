import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser-suite.js";
import { checkPage, completeSetup, field, healthStatus, readClipboard } from "./support/dashboard-steps.js";


describeInBrowser("prompts, usage, audit log and settings", (suite) => {
  it("creates, edits and publishes a prompt, and shows the package name to fetch it by", async () => {
    const page = await suite.browser.newPage();
    await completeSetup(page, suite.server.setupLink);
    await page.getByRole("link", { name: "Prompts" }).click();
    await page.getByRole("heading", { name: "No prompts yet" }).waitFor();
    await checkPage(page, "15-prompts-empty");

    await page.getByRole("button", { name: "New prompt" }).first().click();
    await field(page, "Title").fill("Welcome");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("heading", { name: "Draft (v0)" }).waitFor();
    await field(page, "Content").fill("Hi {{name}}! Your plan is {{plan:string // the customer's plan}}.");
    await expect(page.getByLabel("Content preview").locator("mark").count()).resolves.toBe(2);
    await page.getByRole("button", { name: "Publish as v1" }).click();
    await page.getByRole("cell", { name: "@acme-inc/welcome:v1" }).waitFor();
    await page.getByRole("button", { name: "Publish as v2" }).waitFor();
    await expect(page.getByText("Latest: v1").isVisible()).resolves.toBe(true);
    await checkPage(page, "16-prompt-detail");

    await page.getByRole("link", { name: "← All prompts" }).click();
    await page.getByRole("cell", { name: "@acme-inc/welcome:v1" }).waitFor();
    await checkPage(page, "17-prompts");
  }, 120_000);

  it("charts the workspace's requests per day by outcome", async () => {
    const page = await suite.browser.newPage();
    await page.goto("/keys");
    await page.getByRole("button", { name: "Create API Key" }).first().click();
    await field(page, "Name").fill("Usage probe");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByRole("button", { name: "Copy API key" }).click();
    const key = await readClipboard(page);
    await page.getByRole("button", { name: "I have copied it" }).click();
    for (let i = 0; i < 3; i++) await expect(healthStatus(suite.server.baseUrl, key)).resolves.toBe(200);

    await page.getByRole("link", { name: "Usage" }).click();
    // Counters reach storage in batches (every 100 ms here); the page shows them once written.
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole("heading", { name: "Requests per day" }).waitFor();
        return page.getByRole("row", { name: /Usage probe/ }).count();
      }, { timeout: 15_000, interval: 500 })
      .toBe(1);
    await expect(page.getByRole("row", { name: /Usage probe/ }).getByRole("cell").last().textContent()).resolves.toBe("3");
    await checkPage(page, "18-usage");
  }, 120_000);

  it("lists who did what in the audit log, and the account's sessions in settings", async () => {
    const page = await suite.browser.newPage();
    await page.goto("/audit");
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByText("key.created").first().waitFor();
    await expect(page.getByText("workspace.created").count()).resolves.toBeGreaterThan(0);
    await checkPage(page, "19-audit-log");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Active sessions" }).waitFor();
    await page.getByText("This browser").waitFor();
    await expect(page.getByText("active", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await checkPage(page, "20-settings");
  }, 120_000);
});

