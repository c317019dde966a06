import { writeFileSync } from "node:fs";
import path from "node:path";

export const BENCH_PLAN_NAME = "bench";

/**
 * A plan whose limits are checked on every request but never reached during a run, so the
 * benchmark measures the request path as production runs it (limits on) while every answer
 * stays a 200. The built-in plans would answer 429 within the first second of load.
 */
const BENCH_PLAN = {
  rateLimits: ["1000000000/minute", "1000000000/hour"],
  concurrency: 1_000_000,
  creditsPerCycle: 1_000_000_000,
};

export const BENCH_PLAN_DESCRIPTION =
  `${BENCH_PLAN_NAME}: rate limits ${BENCH_PLAN.rateLimits.join(", ")}, concurrency ${BENCH_PLAN.concurrency} ` +
  "(checked on every request, never reached)";

/** Where the plans file of a data dir lives; the server and the CLI read it through KEYWARD_PLANS_FILE. */
export function benchPlansFile(dataDir) {
  return path.join(dataDir, "bench-plans.json");
}

export function writeBenchPlansFile(dataDir) {
  writeFileSync(benchPlansFile(dataDir), JSON.stringify({ plans: { [BENCH_PLAN_NAME]: BENCH_PLAN } }, null, 2) + "\n");
}
