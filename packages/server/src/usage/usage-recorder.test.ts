import { setImmediate as tick } from "node:timers/promises";
import { describe, expect, it, vi } from "vitest";
import type { UsageBatch } from "../store/index.js";
import { deferred } from "../test-support/key-fixtures.js";
import { outcomeOfStatus, UsageRecorder } from "./usage-recorder.js";

const HOUR = 3_600_000;

/** A store that adds up what it is given, like `applyUsageBatch`. */
function countingStore() {
  const counts = new Map<string, number>();
  const lastUsed = new Map<string, number>();
  return {
    counts,
    lastUsed,
    total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    apply(batch: UsageBatch) {
      for (const row of batch.counts) {
        const id = `${row.keyId}|${row.hourStart}|${row.outcome}`;
        counts.set(id, (counts.get(id) ?? 0) + row.count);
      }
      for (const used of batch.lastUsed) lastUsed.set(used.keyId, Math.max(lastUsed.get(used.keyId) ?? 0, used.at));
    },
  };
}

describe("outcomeOfStatus", () => {
  it.each([
    [200, "ok"],
    [201, "ok"],
    [304, "ok"],
    [400, "4xx"],
    [401, "401"],
    [403, "403"],
    [404, "4xx"],
    [429, "429"],
    [500, "5xx"],
    [503, "5xx"],
  ])("files %i under %s", (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });
});

describe("UsageRecorder", () => {
  it("counts per key, hour and outcome, and keeps each key's latest use", async () => {
    let now = 5 * HOUR + 10;
    const write = vi.fn(async (_batch: UsageBatch) => {});
    const usage = new UsageRecorder(write, () => now);
    usage.record("key_a", "ws_1", 200);
    usage.record("key_a", "ws_1", 200);
    usage.record("key_a", "ws_1", 401);
    usage.record("key_b", "ws_1", 200);
    now = 6 * HOUR + 5;
    usage.record("key_a", "ws_1", 200);
    expect(usage.pendingRequests).toBe(5);
    await usage.flush();
    expect(write).toHaveBeenCalledTimes(1);
    const batch = write.mock.calls[0]![0];
    expect(batch.counts).toEqual(
      expect.arrayContaining([
        { keyId: "key_a", workspaceId: "ws_1", hourStart: 5 * HOUR, outcome: "ok", count: 2 },
        { keyId: "key_a", workspaceId: "ws_1", hourStart: 5 * HOUR, outcome: "401", count: 1 },
        { keyId: "key_b", workspaceId: "ws_1", hourStart: 5 * HOUR, outcome: "ok", count: 1 },
        { keyId: "key_a", workspaceId: "ws_1", hourStart: 6 * HOUR, outcome: "ok", count: 1 },
      ]),
    );
    expect(batch.counts).toHaveLength(4);
    expect(batch.lastUsed).toEqual(
      expect.arrayContaining([
        { keyId: "key_a", at: 6 * HOUR + 5 },
        { keyId: "key_b", at: 5 * HOUR + 10 },
      ]),
    );
    expect(usage.pendingRequests).toBe(0);
  });

  it("writes nothing when nothing was counted", async () => {
    const write = vi.fn(async () => {});
    await new UsageRecorder(write).flush();
    expect(write).not.toHaveBeenCalled();
  });

  it("merges a failed batch back and writes it with the next one", async () => {
    const store = countingStore();
    const onError = vi.fn();
    const write = vi.fn(async (batch: UsageBatch) => store.apply(batch)).mockRejectedValueOnce(new Error("disk full"));
    const usage = new UsageRecorder(write, () => 1_000, onError);
    usage.record("key_a", "ws_1", 200);
    usage.record("key_a", "ws_1", 200);
    await expect(usage.flush()).rejects.toThrow("disk full");
    expect(onError).toHaveBeenCalledTimes(1);
    expect(usage.pendingRequests).toBe(2);
    usage.record("key_a", "ws_1", 200);
    await usage.flush();
    expect(store.total()).toBe(3);
    expect(write.mock.calls[1]![0].counts).toEqual([expect.objectContaining({ keyId: "key_a", count: 3 })]);
    expect(store.lastUsed.get("key_a")).toBe(1_000);
  });

  it("keeps records that arrive while a flush is writing, for the next flush", async () => {
    const store = countingStore();
    const slow = deferred<void>();
    const write = vi
      .fn(async (batch: UsageBatch) => store.apply(batch))
      .mockImplementationOnce(async (batch: UsageBatch) => {
        await slow.promise;
        store.apply(batch);
      });
    const usage = new UsageRecorder(write);
    usage.record("key_a", "ws_1", 200);
    const first = usage.flush();
    for (let i = 0; i < 10; i++) usage.record("key_a", "ws_1", 200);
    const second = usage.flush();
    slow.resolve();
    await first;
    await second;
    expect(store.total()).toBe(11);
    expect(usage.pendingRequests).toBe(0);
  });

  it("loses and doubles nothing with eight flushers, failing writes and records arriving all along", async () => {
    const store = countingStore();
    let calls = 0;
    const write = async (batch: UsageBatch) => {
      const failing = ++calls % 3 === 0;
      await tick();
      if (failing) throw new Error("busy");
      store.apply(batch);
    };
    const usage = new UsageRecorder(write);
    let recorded = 0;
    const flushers = Array.from({ length: 8 }, async (_, flusher) => {
      for (let round = 0; round < 25; round++) {
        usage.record(`key_${flusher % 3}`, "ws_1", round % 5 === 0 ? 401 : 200);
        recorded++;
        await usage.flush().catch(() => {});
        await tick();
      }
    });
    await Promise.all(flushers);
    for (let attempt = 0; attempt < 10 && usage.pendingRequests > 0; attempt++) await usage.flush().catch(() => {});
    expect(recorded).toBe(200);
    expect(store.total()).toBe(200);
    expect(usage.pendingRequests).toBe(0);
  });

  it("writes what is left when stopped", async () => {
    const store = countingStore();
    const usage = new UsageRecorder(async (batch) => store.apply(batch));
    usage.start(3_600_000);
    usage.record("key_a", "ws_1", 200);
    await usage.stop();
    expect(store.total()).toBe(1);
  });

  it("flushes on its timer", async () => {
    vi.useFakeTimers();
    try {
      const write = vi.fn(async () => {});
      const usage = new UsageRecorder(write);
      usage.start(1_000);
      usage.record("key_a", "ws_1", 200);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(write).toHaveBeenCalledTimes(1);
      await usage.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
