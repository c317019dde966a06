import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "../store/index.js";
import { ChangeFeedPoller } from "./change-feed-poller.js";

/** A feed whose events become visible in an order the test chooses, like PostgreSQL commits. */
function fakeFeed() {
  const visible: ChangeEvent[] = [];
  return {
    show(id: number) {
      visible.push({ id, kind: "key", subject: `hash-${id}`, createdAt: 0 });
      visible.sort((a, b) => a.id - b.id);
    },
    store: {
      latestChangeId: async () => 0,
      changesSince: async (after: number, limit: number) => visible.filter((event) => event.id > after).slice(0, limit),
    },
  };
}

describe("ChangeFeedPoller with ids that commit out of order", () => {
  it("delivers an event whose id became visible after a higher one", async () => {
    const feed = fakeFeed();
    const poller = new ChangeFeedPoller(feed.store);
    const seen: number[] = [];
    poller.subscribe((event) => seen.push(event.id));
    await poller.start(60_000);
    poller.stop();

    feed.show(1);
    feed.show(3);
    await poller.pollOnce();
    feed.show(2);
    await poller.pollOnce();
    await poller.pollOnce();

    expect(seen).toEqual([1, 3, 2]);
  });

  it("stops watching a skipped id once it has been missing for ten seconds", async () => {
    const feed = fakeFeed();
    let now = 0;
    const poller = new ChangeFeedPoller(feed.store, () => {}, () => now);
    const seen: number[] = [];
    poller.subscribe((event) => seen.push(event.id));
    await poller.start(60_000);
    poller.stop();

    feed.show(2);
    await poller.pollOnce();
    now = 10_001;
    await poller.pollOnce();
    feed.show(1);
    await poller.pollOnce();

    expect(seen).toEqual([2]);
  });

  it("delivers each event once however often it polls", async () => {
    const feed = fakeFeed();
    const poller = new ChangeFeedPoller(feed.store);
    const seen: number[] = [];
    poller.subscribe((event) => seen.push(event.id));
    await poller.start(60_000);
    poller.stop();
    for (let id = 1; id <= 5; id++) feed.show(id);
    await Promise.all([poller.pollOnce(), poller.pollOnce()]);
    await poller.pollOnce();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
