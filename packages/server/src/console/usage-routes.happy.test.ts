import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setUpOwner, type ConsoleClient } from "../test-support/console-session.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { summarizeUsage } from "./usage-routes.js";

const DAY = 86_400_000;

describe("summarizeUsage", () => {
  it("has a row for every day of the range, zeros included, and totals per key", () => {
    const summary = summarizeUsage(
      [
        { keyId: "key_a", dayStart: 0, outcome: "ok", count: 5 },
        { keyId: "key_a", dayStart: DAY, outcome: "401", count: 2 },
        { keyId: "key_b", dayStart: DAY, outcome: "5xx", count: 1 },
        { keyId: "key_b", dayStart: DAY, outcome: "4xx", count: 1 },
      ],
      0,
      3 * DAY,
    );
    expect(summary.days).toEqual([
      { date: "1970-01-01", success: 5, unauthorized: 0, forbidden: 0, rateLimited: 0, other: 0 },
      { date: "1970-01-02", success: 0, unauthorized: 2, forbidden: 0, rateLimited: 0, other: 2 },
      { date: "1970-01-03", success: 0, unauthorized: 0, forbidden: 0, rateLimited: 0, other: 0 },
    ]);
    expect(summary.perKey.get("key_b")).toEqual({ success: 0, unauthorized: 0, forbidden: 0, rateLimited: 0, other: 2 });
  });
});

describe("the Usage page's route", () => {
  let t: TestKeyward;
  let owner: ConsoleClient;
  beforeEach(async () => {
    t = await startTestKeyward();
    owner = await setUpOwner(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it("counts today's requests of each key by outcome", async () => {
    const keys = `/api/console/workspaces/${owner.workspaceId}/keys`;
    const created = (await owner.request("POST", keys, { name: "Probe", environment: "live", scopes: ["prompts:read"], expiresAt: null })).json();
    await t.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(created.key) });
    await t.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(created.key) });
    await owner.request("DELETE", `${keys}/${created.id}`);
    await t.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(created.key) });
    await t.keyward.usage.flush();

    const usage = (await owner.request("GET", `/api/console/workspaces/${owner.workspaceId}/usage?days=7`)).json();
    expect(usage.days).toHaveLength(7);
    expect(usage.days.at(-1)).toMatchObject({ success: 2, unauthorized: 1 });
    expect(usage.keys).toEqual([expect.objectContaining({ keyId: created.id, name: "Probe", success: 2, unauthorized: 1, total: 3 })]);
    const perKey = (await owner.request("GET", `/api/console/workspaces/${owner.workspaceId}/usage?days=7&keyId=${created.id}`)).json();
    expect(perKey.keys.map((k: { keyId: string }) => k.keyId)).toEqual([created.id]);
    const unknown = await owner.request("GET", `/api/console/workspaces/${owner.workspaceId}/usage?days=7&keyId=key_other`);
    expect(unknown.statusCode).toBe(404);
  });
});
