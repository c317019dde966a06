import { expect } from "vitest";
import type { Page } from "playwright-core";
import { seriousAccessibilityViolations } from "./axe.js";
import { saveScreenshot } from "./browser.js";

export const OWNER = { name: "Olive Owner", email: "owner@example.com", password: "correct horse battery staple" };

/**
 * Presses Tab until the focused element's accessible name or label contains `name`
 * (at most 40 presses): proves the control is reachable by keyboard alone.
 */
export async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  const pattern = typeof name === "string" ? name : name.source;
  const flags = typeof name === "string" ? "" : name.flags;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      ([source, regexFlags]) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return false;
        const labelled = el.getAttribute("aria-labelledby");
        const labelText = [
          el.getAttribute("aria-label"),
          labelled ? document.getElementById(labelled)?.textContent : null,
          (el as HTMLInputElement).labels?.[0]?.textContent,
          el.textContent,
        ]
          .filter(Boolean)
          .join(" ");
        return new RegExp(source!, regexFlags).test(labelText);
      },
      [typeof name === "string" ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pattern, flags],
    );
    if (focused) return;
  }
  throw new Error(`could not reach "${String(name)}" with the Tab key`);
}

/** A form field by its label, with or without the required-field asterisk. */
export function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));
}

/** A screenshot for people, and an axe-core check for serious or critical accessibility problems. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await saveScreenshot(page, name);
  const violations = await seriousAccessibilityViolations(page);
  expect(violations, `accessibility violations on ${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Opens the setup link and creates the owner account and the "acme" workspace. */
export async function completeSetup(page: Page, setupLink: string): Promise<void> {
  await page.goto(setupLink);
  await page.getByRole("heading", { name: "Set up Keyward" }).waitFor();
  await checkPage(page, "01-setup");
  await field(page, "Your name").fill(OWNER.name);
  await field(page, "Email").fill(OWNER.email);
  await field(page, "Password").fill(OWNER.password);
  await field(page, "Workspace name").fill("Acme Inc");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await page.getByRole("heading", { name: "API Keys", exact: true }).waitFor();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await field(page, "Email").fill(email);
  await field(page, "Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "API Keys", exact: true }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
}

/** Reads what the page's Copy button put on the clipboard. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Calls /v1/health with a key, as a customer's server would. */
export async function healthStatus(baseUrl: string, key: string): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/health`, { headers: { authorization: `Bearer ${key}` } });
  return response.status;
}
