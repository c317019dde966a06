import { describe, expect, it } from "vitest";
import { MemoryConcurrencyStore } from "./concurrency-store.js";

describe("MemoryConcurrencyStore", () => {
  it("hands out at most the limit of slots per subject", () => {
    const slots = new MemoryConcurrencyStore();
    expect([1, 2, 3].map(() => slots.acquire("ws_a", 2))).toEqual([true, true, false]);
    expect(slots.acquire("ws_b", 2)).toBe(true);
    expect(slots.inFlight("ws_a")).toBe(2);
  });

  it("gives a slot back on release", () => {
    const slots = new MemoryConcurrencyStore();
    slots.acquire("ws_a", 1);
    slots.release("ws_a");
    expect(slots.inFlight("ws_a")).toBe(0);
    expect(slots.acquire("ws_a", 1)).toBe(true);
  });

  it("never counts below zero on a stray release", () => {
    const slots = new MemoryConcurrencyStore();
    slots.release("ws_a");
    expect(slots.inFlight("ws_a")).toBe(0);
    expect([1, 2].map(() => slots.acquire("ws_a", 1))).toEqual([true, false]);
  });
});
