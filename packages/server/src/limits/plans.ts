import type { RateWindow } from "./rate-window.js";

/** What a workspace's plan allows. */
export interface Plan {
  name: string;
  /** Windows each key's authenticated requests are counted in (empty: no rate limit). */
  rateLimits: RateWindow[];
  /** Requests in flight at once per workspace. */
  concurrency: number;
  /** Credits the workspace gets at the start of each billing cycle. */
  creditsPerCycle: number;
  /** Day of the month (UTC, 1–28) a new cycle starts and the credits refill. */
  cycleResetDay: number;
}

/** The plans every installation has unless its plans file redefines them. */
export const BUILT_IN_PLANS: readonly Plan[] = [
  {
    name: "free",
    rateLimits: [
      { limit: 100, seconds: 60 },
      { limit: 1_000, seconds: 3_600 },
    ],
    concurrency: 5,
    creditsPerCycle: 100,
    cycleResetDay: 1,
  },
  {
    name: "pro",
    rateLimits: [
      { limit: 1_000, seconds: 60 },
      { limit: 10_000, seconds: 3_600 },
    ],
    concurrency: 25,
    creditsPerCycle: 10_000,
    cycleResetDay: 1,
  },
  {
    name: "enterprise",
    rateLimits: [
      { limit: 10_000, seconds: 60 },
      { limit: 300_000, seconds: 3_600 },
    ],
    concurrency: 200,
    creditsPerCycle: 1_000_000,
    cycleResetDay: 1,
  },
];

/** New workspaces start on this plan (the `workspaces.plan` column default). */
export const DEFAULT_PLAN_NAME = "free";

/** Requests without a valid key, per client IP: throttles key guessing. */
export const DEFAULT_IP_RATE_LIMITS: readonly RateWindow[] = [{ limit: 100, seconds: 60 }];
