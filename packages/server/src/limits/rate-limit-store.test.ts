import { describe, expect, it } from "vitest";
import { decideWindows } from "./rate-limit-store.js";

const NOW = 1_700_000_000_000;
const minute = { limit: 10, seconds: 60 };
const hour = { limit: 100, seconds: 3600 };

describe("decideWindows", () => {
  it("allows when every window has room and reports the window with the fewest left", () => {
    const decision = decideWindows(
      [
        { window: minute, consumed: 3, resetAt: NOW + 30_000 },
        { window: hour, consumed: 95, resetAt: NOW + 1_000_000 },
      ],
      1,
      NOW,
      true,
    );
    expect(decision).toEqual({ allowed: true, tightest: { limit: 100, remaining: 4, resetAt: NOW + 1_000_000 } });
  });

  it("denies when one window would go over, with the wait until that window resets, rounded up", () => {
    const decision = decideWindows(
      [
        { window: minute, consumed: 10, resetAt: NOW + 12_001 },
        { window: hour, consumed: 20, resetAt: NOW + 1_000_000 },
      ],
      1,
      NOW,
      true,
    );
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 13, tightest: { limit: 10, remaining: 0, resetAt: NOW + 12_001 } });
  });

  it("waits for the longest of several full windows", () => {
    const decision = decideWindows(
      [
        { window: minute, consumed: 10, resetAt: NOW + 5_000 },
        { window: hour, consumed: 100, resetAt: NOW + 600_000 },
      ],
      1,
      NOW,
      true,
    );
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 600 });
  });

  it("takes nothing from the remaining count of a peek", () => {
    const decision = decideWindows([{ window: minute, consumed: 4, resetAt: NOW + 1_000 }], 1, NOW, false);
    expect(decision).toEqual({ allowed: true, tightest: { limit: 10, remaining: 6, resetAt: NOW + 1_000 } });
  });

  it("says one more request would be refused once a window is exactly full", () => {
    expect(decideWindows([{ window: minute, consumed: 10, resetAt: NOW + 1_000 }], 1, NOW, false).allowed).toBe(false);
  });

  it("never asks a client to retry in less than a second", () => {
    const decision = decideWindows([{ window: minute, consumed: 10, resetAt: NOW + 1 }], 1, NOW, true);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });
});
