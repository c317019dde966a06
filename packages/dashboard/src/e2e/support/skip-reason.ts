import { browserUnavailable } from "./browser.js";
import { missingBuild } from "./keyward-process.js";

/**
 * Why the browser tests skip here, or null to run them. The second CI pass (PostgreSQL)
 * would repeat them unchanged — the server they start always uses its own SQLite data
 * dir — so they run once, in the first pass.
 */
export function skipReason(): string | null {
  if (process.env.KEYWARD_TEST_DATABASE_URL) return "they ran in the SQLite pass; the server they start does not use the test database";
  return browserUnavailable() ?? missingBuild();
}
