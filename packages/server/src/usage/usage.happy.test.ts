import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { ROOMY_PLAN, writePlansFile } from "../test-support/plans-file.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

interface SeriesJson {
  granularity: string;
  from: string;
  to: string;
  keyId: string | null;
  buckets: Array<{ start: string; requests: number; credits: number; outcomes: Record<string, number> }>;
}

describe("GET /v1/usage", () => {
  let kw: TestKeyward;
  let plans: { file: string; remove(): void };
  beforeEach(async () => {
    plans = writePlansFile({ free: { ...ROOMY_PLAN, rateLimits: ["3/minute"] } });
    kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file });
    kw.keyward.app.post("/v1/test-only/charged", { config: { auth: {}, cost: 2 } }, () => ({ ok: true }));
  });
  afterEach(async () => {
    await kw.close();
    plans.remove();
  });

  const usage = (secret: string, query = "") =>
    kw.keyward.app.inject({ method: "GET", url: `/v1/usage${query}`, headers: bearer(secret) });

  it("counts a key's requests by outcome, and the credits they were charged, once flushed", async () => {
    const workspace = await kw.createWorkspace("acme");
    const reader = await kw.issueKey(workspace, { scopes: ["usage:read"] });
    const caller = await kw.issueKey(workspace);
    await kw.keyward.app.inject({ method: "POST", url: "/v1/test-only/charged", headers: bearer(caller.secret) });
    for (let i = 0; i < 3; i++) await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(caller.secret) });
    await kw.keyward.usage.flush();

    const response = await usage(reader.secret, `?keyId=${caller.id}&granularity=hour`);
    expect(response.statusCode).toBe(200);
    const body = response.json<SeriesJson>();
    expect(body.granularity).toBe("hour");
    expect(body.keyId).toBe(caller.id);
    expect(body.buckets).toHaveLength(24);
    const total = body.buckets.at(-1)!;
    expect(total).toMatchObject({ requests: 4, credits: 2, outcomes: { ok: 3, "429": 1, "401": 0 } });
    expect(Date.parse(total.start) % 3_600_000).toBe(0);
  });

  it("covers the whole workspace without keyId, per UTC day by default", async () => {
    const workspace = await kw.createWorkspace("acme");
    const reader = await kw.issueKey(workspace, { scopes: ["usage:read"] });
    const other = await kw.issueKey(workspace);
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(other.secret) });
    await usage(reader.secret);
    await kw.keyward.usage.flush();
    const body = (await usage(reader.secret)).json<SeriesJson>();
    expect(body.granularity).toBe("day");
    expect(body.keyId).toBeNull();
    expect(body.buckets).toHaveLength(30);
    expect(body.buckets.at(-1)!.requests).toBe(2);
    expect(body.buckets.at(-1)!.start.endsWith("T00:00:00.000Z")).toBe(true);
  });

  it("takes from and to as ISO 8601 times", async () => {
    const workspace = await kw.createWorkspace("acme");
    const reader = await kw.issueKey(workspace, { scopes: ["usage:read"] });
    const body = (await usage(reader.secret, "?from=2024-01-01T00:00:00Z&to=2024-01-08&granularity=day")).json<SeriesJson>();
    expect(body.from).toBe("2024-01-01T00:00:00.000Z");
    expect(body.to).toBe("2024-01-08T00:00:00.000Z");
    expect(body.buckets.map((b) => b.start.slice(0, 10))).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2024-01-0${d}`));
  });

  it("records the time and client IP of a key's latest use", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { id, secret } = await kw.issueKey(workspace);
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret), remoteAddress: "203.0.113.7" });
    await kw.keyward.usage.flush();
    const uses = await kw.keyward.usageQueries.lastUse(workspace.id);
    expect(uses).toEqual([{ keyId: id, at: expect.any(Number), ip: "203.0.113.7" }]);
    await expect(kw.keyward.keys.get(id)).resolves.toMatchObject({ lastUsedAt: uses[0]!.at });
  });

  it("counts refused requests of a known key, but nothing for unknown keys", async () => {
    const workspace = await kw.createWorkspace("acme");
    const reader = await kw.issueKey(workspace, { scopes: ["usage:read"] });
    const revoked = await kw.issueKey(workspace);
    await kw.keyward.keys.revoke(revoked.id);
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(revoked.secret) });
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(generateApiKey("live")) });
    await kw.keyward.usage.flush();
    const body = (await usage(reader.secret, `?keyId=${revoked.id}`)).json<SeriesJson>();
    expect(body.buckets.at(-1)!.outcomes["401"]).toBe(1);
  });
});
