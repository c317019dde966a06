import { expect, it } from "vitest";
import { describeInBrowser } from "./support/browser-suite.js";
import { checkPage, completeSetup, field, healthStatus, readClipboard } from "./support/dashboard-steps.js";


describeInBrowser("rotating a key with a grace period", (suite) => {
  it("shows the replacement once, and both keys work until the grace period ends", async () => {
    const page = await suite.browser.newPage();
    await completeSetup(page, suite.server.setupLink);

    await page.getByRole("button", { name: "Create API Key" }).first().click();
    const create = page.getByRole("dialog", { name: "Create API Key" });
    await field(page, "Name").fill("Billing worker");
    await create.getByLabel("Test (sk_test_…)").check();
    await create.getByRole("button", { name: "Create key" }).click();
    await page.getByRole("dialog", { name: /Your new key/ }).getByRole("button", { name: "Copy API key" }).click();
    const oldKey = await readClipboard(page);
    expect(oldKey).toMatch(/^sk_test_/);
    await page.getByRole("button", { name: "I have copied it" }).click();

    await page.getByRole("button", { name: "Actions for Billing worker" }).click();
    await page.getByRole("menuitem", { name: "Rotate" }).click();
    const rotate = page.getByRole("dialog", { name: "Rotate key" });
    await rotate.getByLabel("In 1 hour").check();
    await checkPage(page, "08-rotate-dialog");
    await rotate.getByRole("button", { name: "Rotate key" }).click();

    const shown = page.getByRole("dialog", { name: /New key for Billing worker/ });
    await shown.waitFor();
    await expect(shown.getByText("cannot be shown again").isVisible()).resolves.toBe(true);
    await expect(shown.getByTestId("old-key-ends").textContent()).resolves.toMatch(/keeps working until/);
    await checkPage(page, "09-rotated-key-shown-once");
    await shown.getByRole("button", { name: "Copy API key" }).click();
    const newKey = await readClipboard(page);
    expect(newKey).toMatch(/^sk_test_/);
    expect(newKey).not.toBe(oldKey);
    await shown.getByRole("button", { name: "I have copied it" }).click();

    await expect(healthStatus(suite.server.baseUrl, newKey)).resolves.toBe(200);
    // Within the hour of grace, deployments still holding the old key keep working.
    await expect(healthStatus(suite.server.baseUrl, oldKey)).resolves.toBe(200);
    await expect(page.getByRole("row", { name: /Billing worker/ }).count()).resolves.toBe(2);
    await checkPage(page, "10-keys-after-rotation");
    expect(suite.server.output()).not.toContain(newKey);
  }, 120_000);
});

