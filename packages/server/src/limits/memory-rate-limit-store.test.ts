import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "./memory-rate-limit-store.js";
import { describeRateLimitStore } from "./rate-limit-store.conformance.js";

describeRateLimitStore("MemoryRateLimitStore", () => new MemoryRateLimitStore());

describe("MemoryRateLimitStore", () => {
  it("decides synchronously, so the cached request path never waits on a promise", () => {
    const store = new MemoryRateLimitStore();
    expect(store.consume("key_a", [{ limit: 1, seconds: 60 }])).not.toBeInstanceOf(Promise);
    expect(store.peek("key_a", [{ limit: 1, seconds: 60 }])).not.toBeInstanceOf(Promise);
  });
});
