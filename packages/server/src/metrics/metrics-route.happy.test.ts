import { afterEach, describe, expect, it } from "vitest";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

let kw: TestKeyward | undefined;
afterEach(async () => {
  await kw?.close();
  kw = undefined;
});

/** The value of one sample line of an exposition, or undefined when absent. */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

async function scrape(test: TestKeyward): Promise<string> {
  const response = await test.keyward.app.inject({ method: "GET", url: "/metrics" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/plain/);
  return response.body;
}

describe("GET /metrics", () => {
  it("counts requests by route pattern and outcome", async () => {
    kw = await startTestKeyward();
    const workspace = await kw.createWorkspace();
    const { secret } = await kw.issueKey(workspace);
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health" });
    await kw.keyward.app.inject({ method: "DELETE", url: "/no/such/route/sk_live_x" });
    const text = await scrape(kw);
    expect(sample(text, 'keyward_http_requests_total{route="/v1/health",outcome="ok"}')).toBe(2);
    expect(sample(text, 'keyward_http_requests_total{route="/v1/health",outcome="401"}')).toBe(1);
    // Unmatched URLs share one label: a scan of random paths cannot grow the label set.
    expect(sample(text, 'keyward_http_requests_total{route="(unmatched)",outcome="4xx"}')).toBe(1);
    expect(text).not.toContain("/no/such/route");
  });

  it("reports storage lookups, cache hits and their ratio", async () => {
    kw = await startTestKeyward();
    const workspace = await kw.createWorkspace();
    const { secret } = await kw.issueKey(workspace);
    for (let i = 0; i < 4; i++) await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    const text = await scrape(kw);
    expect(sample(text, 'keyward_key_verifications_total{result="storage_lookup"}')).toBe(1);
    expect(sample(text, 'keyward_key_verifications_total{result="cache_hit"}')).toBe(3);
    expect(sample(text, "keyward_key_cache_hit_ratio")).toBe(0.75);
    expect(sample(text, "keyward_key_lookup_seconds_count")).toBe(1);
    expect(sample(text, 'keyward_key_cache_entries{kind="keys"}')).toBe(1);
  });

  it("reports backend health, usage flush lag and the lag of applied invalidations", async () => {
    kw = await startTestKeyward({ KEYWARD_USAGE_FLUSH_MS: "3600000", KEYWARD_CHANGE_POLL_MS: "60000" });
    const workspace = await kw.createWorkspace();
    const { id, secret } = await kw.issueKey(workspace);
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    let text = await scrape(kw);
    expect(sample(text, 'keyward_backend_up{backend="database"}')).toBe(1);
    expect(sample(text, "keyward_usage_flush_lag_seconds")).toBeGreaterThanOrEqual(0);
    await kw.keyward.usage.flush();
    text = await scrape(kw);
    expect(sample(text, "keyward_usage_flush_lag_seconds")).toBe(0);

    await kw.keyward.keys.revoke(id);
    await kw.keyward.changes.pollOnce();
    text = await scrape(kw);
    expect(sample(text, "keyward_invalidation_lag_seconds_count")).toBeGreaterThanOrEqual(1);
  });
});
