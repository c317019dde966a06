import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { evaluateSignInThrottle, SignInThrottle, type ThrottlePolicy } from "./sign-in-throttle.js";

const policy: ThrottlePolicy = { windowMs: 60_000, maxPerAccount: 3, maxPerIp: 5 };

describe("evaluateSignInThrottle", () => {
  it("allows when nothing failed", () => {
    expect(evaluateSignInThrottle({ account: null, ip: null }, policy, 1_000)).toEqual({ allowed: true });
  });

  it("blocks an account at its limit until the window ends", () => {
    const decision = evaluateSignInThrottle({ account: { failures: 3, windowStartedAt: 0 }, ip: null }, policy, 20_000);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 40 });
  });

  it("blocks an IP at its limit, whatever the account", () => {
    expect(evaluateSignInThrottle({ account: null, ip: { failures: 5, windowStartedAt: 0 } }, policy, 1_000).allowed).toBe(false);
  });

  it("forgets failures once their window has ended", () => {
    expect(evaluateSignInThrottle({ account: { failures: 9, windowStartedAt: 0 }, ip: null }, policy, 60_000)).toEqual({ allowed: true });
  });
});

describe("SignInThrottle", () => {
  let t: TestKeyward;
  let now = 1_000_000;
  beforeEach(async () => {
    t = await startTestKeyward();
    now = 1_000_000;
  });
  afterEach(async () => {
    await t.close();
  });

  it("counts failures per account across IPs, case-insensitively", async () => {
    const throttle = new SignInThrottle(t.keyward.db, policy, () => now);
    await throttle.recordFailure("Ada@example.com", "10.0.0.1");
    await throttle.recordFailure("ada@example.com", "10.0.0.2");
    await throttle.recordFailure("ada@example.com ", "10.0.0.3");
    await expect(throttle.check("ada@example.com", "10.0.0.9")).resolves.toMatchObject({ allowed: false });
    await expect(throttle.check("bob@example.com", "10.0.0.9")).resolves.toEqual({ allowed: true });
  });

  it("counts failures per IP across accounts", async () => {
    const throttle = new SignInThrottle(t.keyward.db, policy, () => now);
    for (let i = 0; i < 5; i++) await throttle.recordFailure(`user${i}@example.com`, "10.0.0.1");
    await expect(throttle.check("new@example.com", "10.0.0.1")).resolves.toMatchObject({ allowed: false });
  });

  it("starts a new window after the old one ends", async () => {
    const throttle = new SignInThrottle(t.keyward.db, policy, () => now);
    for (let i = 0; i < 3; i++) await throttle.recordFailure("ada@example.com", "10.0.0.1");
    now += 60_000;
    await throttle.recordFailure("ada@example.com", "10.0.0.1");
    await expect(throttle.check("ada@example.com", "10.0.0.1")).resolves.toEqual({ allowed: true });
  });

  it("clears an account's failures at a successful sign-in", async () => {
    const throttle = new SignInThrottle(t.keyward.db, policy, () => now);
    for (let i = 0; i < 3; i++) await throttle.recordFailure("ada@example.com", `10.0.0.${i}`);
    await throttle.recordSuccess("ada@example.com");
    await expect(throttle.check("ada@example.com", "10.0.0.9")).resolves.toEqual({ allowed: true });
  });
});
