import { sql, type Kysely } from "kysely";
import type { Database } from "../store/schema.js";

export interface ThrottlePolicy {
  windowMs: number;
  /** Failed sign-ins one account may see per window: slows guessing one person's password. */
  maxPerAccount: number;
  /** Failed sign-ins one IP may make per window: slows spraying one password over many accounts. */
  maxPerIp: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerIp: 30 };

export interface FailureWindow {
  failures: number;
  windowStartedAt: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Decides whether a sign-in may be tried, from the failure windows of its account and IP.
 * Pure: it writes nothing.
 */
export function evaluateSignInThrottle(
  windows: { account: FailureWindow | null; ip: FailureWindow | null },
  policy: ThrottlePolicy,
  now: number,
): ThrottleDecision {
  let blockedUntil = 0;
  const check = (window: FailureWindow | null, max: number) => {
    if (!window || window.windowStartedAt + policy.windowMs <= now) return;
    if (window.failures >= max) blockedUntil = Math.max(blockedUntil, window.windowStartedAt + policy.windowMs);
  };
  check(windows.account, policy.maxPerAccount);
  check(windows.ip, policy.maxPerIp);
  if (blockedUntil === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now) / 1000)) };
}

function accountSubject(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

function ipSubject(ip: string): string {
  return `ip:${ip}`;
}

/**
 * Failed sign-ins counted per account and per IP in the database, so every instance
 * behind a load balancer enforces the same limit.
 *
 * @example
 * const decision = await throttle.check(email, request.ip);
 * if (!decision.allowed) throw new ApiError("rate_limit_exceeded", { retryAfter: decision.retryAfterSeconds });
 */
export class SignInThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  async check(email: string, ip: string): Promise<ThrottleDecision> {
    const subjects = [accountSubject(email), ipSubject(ip)];
    const rows = await this.db.selectFrom("console_sign_in_failures").selectAll().where("subject", "in", subjects).execute();
    const windowOf = (subject: string): FailureWindow | null => {
      const row = rows.find((r) => r.subject === subject);
      return row ? { failures: Number(row.failures), windowStartedAt: Number(row.window_started_at) } : null;
    };
    return evaluateSignInThrottle({ account: windowOf(subjects[0]!), ip: windowOf(subjects[1]!) }, this.policy, this.now());
  }

  /** Counts a failure against both the account and the IP, atomically per subject. */
  async recordFailure(email: string, ip: string): Promise<void> {
    const now = this.now();
    const windowEndedBefore = now - this.policy.windowMs;
    for (const subject of [accountSubject(email), ipSubject(ip)]) {
      await this.db
        .insertInto("console_sign_in_failures")
        .values({ subject, failures: 1, window_started_at: now })
        .onConflict((oc) =>
          oc.column("subject").doUpdateSet({
            // A window that has ended starts over at this failure.
            failures: sql<number>`case when console_sign_in_failures.window_started_at <= ${windowEndedBefore} then 1 else console_sign_in_failures.failures + 1 end`,
            window_started_at: sql<number>`case when console_sign_in_failures.window_started_at <= ${windowEndedBefore} then ${now} else console_sign_in_failures.window_started_at end`,
          }),
        )
        .execute();
    }
  }

  /** A successful sign-in clears its account's failures (the IP's stay: one success proves little). */
  async recordSuccess(email: string): Promise<void> {
    await this.db.deleteFrom("console_sign_in_failures").where("subject", "=", accountSubject(email)).execute();
  }

  async pruneExpired(): Promise<void> {
    await this.db.deleteFrom("console_sign_in_failures").where("window_started_at", "<=", this.now() - this.policy.windowMs).execute();
  }
}
