import { describe, expect, it, vi } from "vitest";
import type { ChangeEvent } from "../store/index.js";
import { deferred } from "../test-support/key-fixtures.js";
import { ChangeFeedPoller } from "./change-feed-poller.js";

/** An in-memory change feed with consecutive ids, counting reads. */
function memoryFeed(initial = 0) {
  const events: ChangeEvent[] = [];
  const append = (count = 1) => {
    for (let i = 0; i < count; i++) {
      const id = events.length + 1;
      events.push({ id, kind: id % 2 ? "key" : "workspace", subject: `subject-${id}`, createdAt: id });
    }
  };
  append(initial);
  const store = {
    latestChangeId: vi.fn(async () => events.at(-1)?.id ?? 0),
    changesSince: vi.fn(async (after: number, limit: number) => events.filter((event) => event.id > after).slice(0, limit)),
  };
  return { append, store };
}

async function startedPoller(feed: ReturnType<typeof memoryFeed>, onError?: (error: unknown) => void) {
  const poller = new ChangeFeedPoller(feed.store, onError);
  const seen: ChangeEvent[] = [];
  poller.subscribe((event) => seen.push(event));
  await poller.start(3_600_000);
  poller.stop();
  return { poller, seen };
}

describe("ChangeFeedPoller", () => {
  it("starts after the newest change: what came before is in no cache yet", async () => {
    const feed = memoryFeed(5);
    const { poller, seen } = await startedPoller(feed);
    await poller.pollOnce();
    expect(seen).toEqual([]);
    feed.append(2);
    await poller.pollOnce();
    expect(seen.map((event) => event.id)).toEqual([6, 7]);
  });

  it("hands every change to every subscriber, in order, once", async () => {
    const feed = memoryFeed();
    const poller = new ChangeFeedPoller(feed.store);
    const first: number[] = [];
    const second: string[] = [];
    poller.subscribe((event) => first.push(event.id));
    poller.subscribe((event) => second.push(`${event.kind}:${event.subject}`));
    await poller.start(3_600_000);
    poller.stop();
    feed.append(3);
    await poller.pollOnce();
    await poller.pollOnce();
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual(["key:subject-1", "workspace:subject-2", "key:subject-3"]);
  });

  it("reads a backlog larger than one page in a single poll", async () => {
    const feed = memoryFeed();
    const { poller, seen } = await startedPoller(feed);
    feed.append(1_234);
    await poller.pollOnce();
    expect(seen).toHaveLength(1_234);
    expect(seen.at(-1)?.id).toBe(1_234);
  });

  it("reports a failed read and delivers the same changes on the next poll", async () => {
    const feed = memoryFeed();
    const onError = vi.fn();
    const { poller, seen } = await startedPoller(feed, onError);
    feed.append(2);
    feed.store.changesSince.mockRejectedValueOnce(new Error("database is locked"));
    await expect(poller.pollOnce()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "database is locked" }));
    expect(seen).toEqual([]);
    await poller.pollOnce();
    expect(seen.map((event) => event.id)).toEqual([1, 2]);
  });

  it("never runs two reads at once: a poll during a poll shares it", async () => {
    const feed = memoryFeed();
    const { poller, seen } = await startedPoller(feed);
    const gate = deferred<ChangeEvent[]>();
    feed.store.changesSince.mockReturnValueOnce(gate.promise);
    const polls = [poller.pollOnce(), poller.pollOnce(), poller.pollOnce()];
    gate.resolve([{ id: 1, kind: "key", subject: "h", createdAt: 1 }]);
    await Promise.all(polls);
    expect(feed.store.changesSince).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
  });

  it("polls on its interval until stopped", async () => {
    vi.useFakeTimers();
    try {
      const feed = memoryFeed();
      const poller = new ChangeFeedPoller(feed.store);
      const seen: number[] = [];
      poller.subscribe((event) => seen.push(event.id));
      await poller.start(200);
      feed.append();
      await vi.advanceTimersByTimeAsync(200);
      expect(seen).toEqual([1]);
      poller.stop();
      feed.append();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(seen).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
