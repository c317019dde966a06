import { describe, expect, it } from "vitest";
import { billingCycleAt } from "./billing-cycle.js";

describe("billingCycleAt", () => {
  it("runs from this month's reset day when it has passed", () => {
    expect(billingCycleAt(Date.UTC(2024, 0, 20, 8), 15)).toEqual({ startsAt: Date.UTC(2024, 0, 15), resetsAt: Date.UTC(2024, 1, 15) });
  });

  it("runs from last month's reset day when this month's is still ahead", () => {
    expect(billingCycleAt(Date.UTC(2024, 0, 10), 15)).toEqual({ startsAt: Date.UTC(2023, 11, 15), resetsAt: Date.UTC(2024, 0, 15) });
  });

  it("starts a new cycle exactly at midnight UTC of the reset day", () => {
    expect(billingCycleAt(Date.UTC(2024, 1, 15) - 1, 15).resetsAt).toBe(Date.UTC(2024, 1, 15));
    expect(billingCycleAt(Date.UTC(2024, 1, 15), 15).startsAt).toBe(Date.UTC(2024, 1, 15));
  });

  it("crosses the year in December", () => {
    expect(billingCycleAt(Date.UTC(2024, 11, 31), 1)).toEqual({ startsAt: Date.UTC(2024, 11, 1), resetsAt: Date.UTC(2025, 0, 1) });
  });
});
