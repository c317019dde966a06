import { afterAll, beforeAll, describe } from "vitest";
import { launchBrowser, type TestBrowser } from "./browser.js";
import { startKeywardProcess, type KeywardProcess } from "./keyward-process.js";
import { skipReason } from "./skip-reason.js";

/** What a browser suite's tests work with: one real server, and browsers of their own. */
export interface BrowserSuite {
  server: KeywardProcess;
  /** The first browser (an owner's). */
  browser: TestBrowser;
  /** Every browser, each a separate person with their own cookies. */
  browsers: TestBrowser[];
}

/**
 * A `describe` whose tests share a real Keyward process on a fresh data dir and
 * `browserCount` headless Chromium profiles; skipped, with the reason printed, where the
 * browser tests cannot run.
 *
 * @example
 * describeInBrowser("a key's life", (suite) => { it("…", async () => { const page = await suite.browser.newPage(); }); });
 */
export function describeInBrowser(title: string, body: (suite: BrowserSuite) => void, browserCount = 1): void {
  const reason = skipReason();
  if (reason) console.log(`dashboard browser tests skipped (${title}): ${reason}`);
  describe.skipIf(reason !== null)(`the dashboard in a real browser: ${title}`, () => {
    const suite = { browsers: [] as TestBrowser[] } as unknown as BrowserSuite;
    beforeAll(async () => {
      suite.server = await startKeywardProcess();
      for (let i = 0; i < browserCount; i++) suite.browsers.push(await launchBrowser(suite.server.baseUrl));
      suite.browser = suite.browsers[0]!;
    }, 60_000);
    afterAll(async () => {
      for (const browser of suite.browsers) await browser.close();
      await suite.server?.stop();
    });
    body(suite);
  });
}
