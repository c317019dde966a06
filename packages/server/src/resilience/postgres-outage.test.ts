import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startCuttableProxy, throughProxy, type CuttableProxy } from "../test-support/cuttable-proxy.js";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { createTestSchema } from "../test-support/postgres-schema.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const postgresUrl = await postgresForTests("the PostgreSQL outage tests");

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CACHE_TTL_MS = 300;

/** A Keyward whose PostgreSQL connections all go through a proxy the test can cut. */
async function startBehindProxy(env: Record<string, string> = {}): Promise<{ test: TestKeyward; proxy: CuttableProxy }> {
  const schema = await createTestSchema(postgresUrl!);
  cleanups.push(() => schema.drop());
  const target = new URL(postgresUrl!);
  const proxy = await startCuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  cleanups.push(() => proxy.close());
  const test = await startTestKeyward({
    DATABASE_URL: throughProxy(schema.url, proxy),
    KEYWARD_CACHE_TTL_MS: String(CACHE_TTL_MS),
    KEYWARD_USAGE_FLUSH_MS: "3600000",
    KEYWARD_CHANGE_POLL_MS: "60000",
    ...env,
  });
  cleanups.push(async () => {
    await proxy.restore().catch(() => {});
    await test.close();
  });
  return { test, proxy };
}

function get(test: TestKeyward, url: string, secret?: string) {
  return test.keyward.app.inject({ method: "GET", url, headers: secret ? bearer(secret) : {} });
}

/** Polls until storage answers again (bounded): recovery needs no restart, only new connections. */
async function waitUntilReady(test: TestKeyward): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await get(test, "/readyz")).statusCode === 200) return;
    await sleep(100);
  }
  throw new Error("storage did not come back");
}

describe.skipIf(postgresUrl === undefined)("a PostgreSQL outage", () => {
  it("keeps cached keys verifying past the TTL, answers 503 for the rest, and recovers without a restart", async () => {
    const { test, proxy } = await startBehindProxy();
    const workspace = await test.createWorkspace();
    const cached = await test.issueKey(workspace, { scopes: ["prompts:read", "keys:write"] });
    const uncached = await test.issueKey(workspace);
    expect((await get(test, "/v1/health", cached.secret)).statusCode).toBe(200);

    await proxy.cut();
    // Past the TTL: the refresh read fails, so the key is answered from the stale window.
    await sleep(CACHE_TTL_MS + 50);
    const stale = await get(test, "/v1/health", cached.secret);
    expect(stale.statusCode).toBe(200);
    expect(test.keyward.verifier.stats.staleHits).toBeGreaterThan(0);

    const unknown = await get(test, "/v1/health", uncached.secret);
    expect(unknown.statusCode).toBe(503);
    expect(unknown.json()).toMatchObject({ error: { code: "unavailable" } });

    const write = await test.keyward.app.inject({ method: "POST", url: "/v1/keys", headers: bearer(cached.secret), payload: { name: "During outage", scopes: ["prompts:read"] } });
    expect(write.statusCode).toBe(503);
    expect(write.json()).toMatchObject({ error: { code: "unavailable" } });

    expect((await get(test, "/readyz")).statusCode).toBe(503);
    const metrics = await get(test, "/metrics");
    expect(metrics.body).toMatch(/keyward_backend_up\{backend="database"\} 0/);

    await proxy.restore();
    await waitUntilReady(test);
    expect((await get(test, "/v1/health", uncached.secret)).statusCode).toBe(200);
    const after = await test.keyward.app.inject({ method: "POST", url: "/v1/keys", headers: bearer(cached.secret), payload: { name: "After outage", scopes: ["prompts:read"] } });
    expect(after.statusCode).toBe(201);
    expect((await get(test, "/metrics")).body).toMatch(/keyward_backend_up\{backend="database"\} 1/);
  });

  it("keeps usage counted during the outage and writes it once storage is back: nothing dropped, nothing doubled", async () => {
    const { test, proxy } = await startBehindProxy();
    const workspace = await test.createWorkspace();
    const key = await test.issueKey(workspace);
    expect((await get(test, "/v1/health", key.secret)).statusCode).toBe(200);
    await test.keyward.usage.flush();

    await proxy.cut();
    for (let i = 0; i < 5; i++) expect((await get(test, "/v1/health", key.secret)).statusCode).toBe(200);
    await expect(test.keyward.usage.flush()).rejects.toThrow();
    await expect(test.keyward.usage.flush()).rejects.toThrow();
    expect(test.keyward.usage.pendingRequests).toBe(5);
    expect((await get(test, "/metrics")).body).toMatch(/keyward_usage_flush_lag_seconds [1-9e0-9.]+/);

    await proxy.restore();
    await waitUntilReady(test);
    await test.keyward.usage.flush();
    const rows = await test.keyward.db.selectFrom("usage_hourly").select(["count"]).where("key_id", "=", key.id).execute();
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(6);
  });

  it("answers 503, not a hang, when PostgreSQL stops answering without closing connections", { timeout: 60_000 }, async () => {
    const { test, proxy } = await startBehindProxy();
    const workspace = await test.createWorkspace();
    const cached = await test.issueKey(workspace);
    const uncached = await test.issueKey(workspace);
    expect((await get(test, "/v1/health", cached.secret)).statusCode).toBe(200);
    proxy.stall();
    // Bounded by the pool's connect and query timeouts: the request gets an answer.
    const response = await get(test, "/v1/health", uncached.secret);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: "unavailable" } });
    await proxy.restore();
    await waitUntilReady(test);
    expect((await get(test, "/v1/health", uncached.secret)).statusCode).toBe(200);
  });

  it("answers 503 for a cached key once the stale window is over", async () => {
    const { test, proxy } = await startBehindProxy({ KEYWARD_STALE_WINDOW_MS: "0" });
    const workspace = await test.createWorkspace();
    const key = await test.issueKey(workspace);
    expect((await get(test, "/v1/health", key.secret)).statusCode).toBe(200);
    await proxy.cut();
    await sleep(CACHE_TTL_MS + 50);
    const response = await get(test, "/v1/health", key.secret);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});
