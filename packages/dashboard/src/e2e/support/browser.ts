import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { REPO_ROOT } from "./keyward-process.js";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const ARTIFACTS_DIR = path.join(REPO_ROOT, "test-artifacts", "dashboard");

/**
 * Why this machine cannot run the browser tests, or null. On CI a missing browser is a
 * failure, not a skip: `.ci/run` installs Debian's chromium.
 */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  if (process.env.CI) throw new Error(`${CHROMIUM_PATH} is missing on CI; .ci/run installs the chromium package`);
  return `${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;
}

/** A browser of its own (fresh profile, no network beyond localhost), headless, for one test. */
export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(baseUrl: string): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "keyward-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
    viewport: { width: 1440, height: 900 },
    reducedMotion: "reduce",
    baseURL: baseUrl,
    locale: "en-US",
    timezoneId: "UTC",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  context.setDefaultTimeout(15_000);
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under test-artifacts/dashboard/ (git-ignored) for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
