import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UsageBatch, WorkspaceRecord } from "../store/index.js";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { UsageService } from "./usage-service.js";
import { UsageStore } from "./usage-store.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JAN_15 = Date.UTC(2024, 0, 15);

type Count = UsageBatch["counts"][number];

describe("UsageService", () => {
  let kw: TestKeyward;
  let workspace: WorkspaceRecord;
  let keyA: string;
  let keyB: string;
  let now: number;
  let usage: UsageService;

  beforeEach(async () => {
    kw = await startTestKeyward();
    workspace = await kw.createWorkspace("acme");
    keyA = (await kw.issueKey(workspace)).id;
    keyB = (await kw.issueKey(workspace)).id;
    now = JAN_15 + 12 * HOUR;
    usage = new UsageService(new UsageStore(kw.keyward.db), () => now);
  });
  afterEach(async () => {
    await kw.close();
  });

  const count = (keyId: string, hourStart: number, outcome: Count["outcome"], n: number, credits = 0): Count => ({
    keyId,
    workspaceId: workspace.id,
    hourStart,
    outcome,
    count: n,
    credits,
  });
  const write = (...counts: Count[]) => kw.keyward.store.applyUsageBatch({ counts, lastUsed: [] });

  it("answers requests by outcome and credits per hour, every hour of the range included", async () => {
    await write(count(keyA, JAN_15 + 9 * HOUR, "ok", 5, 10), count(keyA, JAN_15 + 9 * HOUR, "429", 2), count(keyB, JAN_15 + 11 * HOUR, "5xx", 1));
    const series = await usage.series({ workspaceId: workspace.id, granularity: "hour", from: JAN_15 + 8 * HOUR, to: JAN_15 + 12 * HOUR });
    expect(series.buckets.map((b) => b.start)).toEqual([8, 9, 10, 11].map((h) => JAN_15 + h * HOUR));
    expect(series.buckets[1]).toEqual({
      start: JAN_15 + 9 * HOUR,
      requests: 7,
      credits: 10,
      outcomes: { ok: 5, "401": 0, "403": 0, "429": 2, "4xx": 0, "5xx": 0 },
    });
    expect(series.buckets[3]!.outcomes["5xx"]).toBe(1);
    expect(series.buckets[0]!.requests).toBe(0);
  });

  it("narrows to one key", async () => {
    await write(count(keyA, JAN_15, "ok", 5), count(keyB, JAN_15, "ok", 3));
    const series = await usage.series({ workspaceId: workspace.id, keyId: keyB, granularity: "day", from: JAN_15, to: JAN_15 + DAY });
    expect(series.keyId).toBe(keyB);
    expect(series.buckets).toHaveLength(1);
    expect(series.buckets[0]!.requests).toBe(3);
  });

  it("adds hours up into UTC days", async () => {
    await write(count(keyA, JAN_15 + 1 * HOUR, "ok", 5, 1), count(keyA, JAN_15 + 23 * HOUR, "ok", 4, 2), count(keyA, JAN_15 + DAY, "401", 6));
    const series = await usage.series({ workspaceId: workspace.id, granularity: "day", from: JAN_15 - DAY, to: JAN_15 + 2 * DAY });
    expect(series.buckets.map((b) => [b.requests, b.credits])).toEqual([
      [0, 0],
      [9, 3],
      [6, 0],
    ]);
  });

  it("rounds the range out to whole buckets and defaults to the last 30 days by day", async () => {
    const rounded = await usage.series({ workspaceId: workspace.id, granularity: "hour", from: JAN_15 + 30 * 60_000, to: JAN_15 + HOUR + 1 });
    expect([rounded.from, rounded.to]).toEqual([JAN_15, JAN_15 + 2 * HOUR]);
    const defaults = await usage.series({ workspaceId: workspace.id, granularity: "day" });
    expect(defaults.buckets).toHaveLength(30);
    expect(defaults.to).toBe(JAN_15 + DAY);
  });

  it("gives one series per key that was used in the range", async () => {
    await write(count(keyA, JAN_15, "ok", 5), count(keyB, JAN_15 + DAY, "403", 3));
    const byKey = await usage.seriesByKey({ workspaceId: workspace.id, granularity: "day", from: JAN_15, to: JAN_15 + 2 * DAY });
    expect(byKey.keys.map((k) => k.keyId).sort()).toEqual([keyA, keyB].sort());
    const b = byKey.keys.find((k) => k.keyId === keyB)!;
    expect(b.buckets.map((bucket) => bucket.outcomes["403"])).toEqual([0, 3]);
  });

  it("refuses a key of another workspace as not found", async () => {
    const other = await kw.issueKey(await kw.createWorkspace("globex"));
    await expect(usage.series({ workspaceId: workspace.id, keyId: other.id, granularity: "day" })).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    [{ from: JAN_15, to: JAN_15 }, /before/],
    [{ from: JAN_15, to: JAN_15 - HOUR }, /before/],
    [{ from: JAN_15 - 40 * DAY, to: JAN_15 }, /at most 744 hours/],
    [{ from: Number.NaN, to: JAN_15 }, /valid times/],
  ])("refuses the range %o", async (range, message) => {
    await expect(usage.series({ workspaceId: workspace.id, granularity: "hour", ...range })).rejects.toMatchObject({
      code: "validation_error",
      message: expect.stringMatching(message),
    });
  });

  it("lists each key's latest use and client IP", async () => {
    await kw.keyward.store.applyUsageBatch({ counts: [], lastUsed: [{ keyId: keyA, at: JAN_15, ip: "203.0.113.7" }] });
    const uses = await usage.lastUse(workspace.id);
    expect(uses).toEqual(
      expect.arrayContaining([
        { keyId: keyA, at: JAN_15, ip: "203.0.113.7" },
        { keyId: keyB, at: null, ip: null },
      ]),
    );
  });

  describe("compaction", () => {
    it("rolls hourly rows older than 90 days into daily rows without changing any day's totals", async () => {
      const old = JAN_15 - 100 * DAY;
      await write(count(keyA, old + 2 * HOUR, "ok", 5, 2), count(keyA, old + 20 * HOUR, "ok", 7, 1), count(keyA, old + 3 * HOUR, "5xx", 1));
      await write(count(keyA, JAN_15 - 10 * DAY, "ok", 4));
      const range = { workspaceId: workspace.id, granularity: "day" as const, from: old - DAY, to: old + 2 * DAY };
      const before = await usage.series(range);
      await expect(usage.compact()).resolves.toEqual({ hourlyRolledUp: 3, dailyDeleted: 0 });
      await expect(usage.series(range)).resolves.toEqual(before);
      expect(before.buckets[1]).toMatchObject({ requests: 13, credits: 3, outcomes: { ok: 12, "5xx": 1 } });
      // Hourly detail is gone for the old day, kept for the recent one.
      const oldHours = await usage.series({ workspaceId: workspace.id, granularity: "hour", from: old, to: old + DAY });
      expect(oldHours.buckets.every((b) => b.requests === 0)).toBe(true);
      const recent = await usage.series({ workspaceId: workspace.id, granularity: "hour", from: JAN_15 - 10 * DAY, to: JAN_15 - 10 * DAY + HOUR });
      expect(recent.buckets[0]!.requests).toBe(4);
    });

    it("adds late hourly rows of a compacted day to its daily row, and never counts a row twice", async () => {
      const old = JAN_15 - 100 * DAY;
      await write(count(keyA, old, "ok", 5));
      await usage.compact();
      await usage.compact();
      await write(count(keyA, old + HOUR, "ok", 2));
      await expect(usage.compact()).resolves.toEqual({ hourlyRolledUp: 1, dailyDeleted: 0 });
      const day = await usage.series({ workspaceId: workspace.id, granularity: "day", from: old, to: old + DAY });
      expect(day.buckets[0]!.requests).toBe(7);
    });

    it("deletes daily rows older than two years", async () => {
      const ancient = JAN_15 - 800 * DAY;
      await write(count(keyA, ancient, "ok", 5), count(keyA, JAN_15 - 700 * DAY, "ok", 3));
      await expect(usage.compact()).resolves.toEqual({ hourlyRolledUp: 2, dailyDeleted: 1 });
      const kept = await usage.series({ workspaceId: workspace.id, granularity: "day", from: JAN_15 - 700 * DAY, to: JAN_15 - 699 * DAY });
      expect(kept.buckets[0]!.requests).toBe(3);
      const gone = await kw.keyward.db.selectFrom("usage_daily").select("day_start").where("day_start", "<", JAN_15 - 730 * DAY).execute();
      expect(gone).toEqual([]);
    });
  });
});
