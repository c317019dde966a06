import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestPlan {
  rateLimits: string[];
  concurrency: number;
  creditsPerCycle: number;
  cycleResetDay?: number;
}

/** Generous settings for everything a test does not care about. */
export const ROOMY_PLAN: TestPlan = { rateLimits: ["100000/minute"], concurrency: 1000, creditsPerCycle: 1_000_000 };

/**
 * Writes a KEYWARD_PLANS_FILE for a test (redefining "free" changes what new workspaces get).
 *
 * @example
 * const plans = writePlansFile({ free: { ...ROOMY_PLAN, rateLimits: ["3/minute"] } });
 * const kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file }); … plans.remove();
 */
export function writePlansFile(plans: Record<string, TestPlan>, defaultPlan?: string): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "keyward-plans-"));
  const file = path.join(dir, "plans.json");
  writeFileSync(file, JSON.stringify({ plans, ...(defaultPlan ? { defaultPlan } : {}) }));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
