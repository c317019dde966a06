import { describe, expect, it, vi } from "vitest";
import type { UsageBatch } from "../store/index.js";
import { UsageRecorder } from "./usage-recorder.js";

const HOUR = 3_600_000;

describe("UsageRecorder: credits and client IPs", () => {
  it("adds charged credits to the row of the request's hour and outcome", async () => {
    const write = vi.fn(async (_batch: UsageBatch) => {});
    const usage = new UsageRecorder(write, () => 7 * HOUR + 5);
    usage.record("key_a", "ws_1", 200);
    usage.recordCredits("key_a", "ws_1", 200, 3);
    usage.record("key_a", "ws_1", 200);
    usage.recordCredits("key_a", "ws_1", 200, 3);
    usage.record("key_a", "ws_1", 429);
    await usage.flush();
    expect(write.mock.calls[0]![0].counts).toEqual(
      expect.arrayContaining([
        { keyId: "key_a", workspaceId: "ws_1", hourStart: 7 * HOUR, outcome: "ok", count: 2, credits: 6 },
        { keyId: "key_a", workspaceId: "ws_1", hourStart: 7 * HOUR, outcome: "429", count: 1 },
      ]),
    );
  });

  it("keeps each key's latest client IP with its latest use", async () => {
    let now = 1_000;
    const write = vi.fn(async (_batch: UsageBatch) => {});
    const usage = new UsageRecorder(write, () => now);
    usage.record("key_a", "ws_1", 200, "203.0.113.7");
    now = 2_000;
    usage.record("key_a", "ws_1", 200, "198.51.100.2");
    usage.record("key_b", "ws_1", 200);
    await usage.flush();
    expect(write.mock.calls[0]![0].lastUsed).toEqual(
      expect.arrayContaining([
        { keyId: "key_a", at: 2_000, ip: "198.51.100.2" },
        { keyId: "key_b", at: 2_000, ip: undefined },
      ]),
    );
  });

  it("merges credits and IPs of a failed batch back for the next one", async () => {
    const write = vi.fn(async (_batch: UsageBatch) => {}).mockRejectedValueOnce(new Error("busy"));
    const usage = new UsageRecorder(write, () => 1_000);
    usage.record("key_a", "ws_1", 200, "203.0.113.7");
    usage.recordCredits("key_a", "ws_1", 200, 2);
    await expect(usage.flush()).rejects.toThrow("busy");
    usage.record("key_a", "ws_1", 200);
    usage.recordCredits("key_a", "ws_1", 200, 2);
    await usage.flush();
    const batch = write.mock.calls[1]![0];
    expect(batch.counts).toEqual([expect.objectContaining({ count: 2, credits: 4 })]);
    expect(batch.lastUsed).toEqual([{ keyId: "key_a", at: 1_000, ip: "203.0.113.7" }]);
  });
});
