import { request as httpRequest, type IncomingMessage } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deferred } from "../test-support/key-fixtures.js";
import { ROOMY_PLAN, writePlansFile, type TestPlan } from "../test-support/plans-file.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);

describe("requests over a limit", () => {
  let kw: TestKeyward | undefined;
  let plans: { file: string; remove(): void } | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await kw?.close();
    plans?.remove();
    kw = undefined;
    plans = undefined;
  });

  async function start(free: Partial<TestPlan>): Promise<TestKeyward> {
    plans = writePlansFile({ free: { ...ROOMY_PLAN, ...free } });
    kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file });
    return kw;
  }

  it("answers 429 in the registry dialect with Retry-After and retry_after", async () => {
    vi.useFakeTimers({ now: T0, toFake: ["Date"] });
    await start({ rateLimits: ["1/minute"] });
    const workspace = await kw!.createWorkspace("acme");
    const { secret } = await kw!.issueKey(workspace);
    await kw!.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    const refused = await kw!.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("60");
    expect(refused.headers["x-ratelimit-remaining"]).toBe("0");
    expect(refused.headers["x-ratelimit-limit"]).toBe("1");
    expect(refused.headers["x-ratelimit-reset"]).toBe(String((T0 + 60_000) / 1000));
    expect(refused.json()).toEqual({
      error: { code: "rate_limit_exceeded", message: "Rate limit exceeded. Please retry after 60 seconds.", retry_after: 60 },
    });
  });

  it("answers 429 in the monitor dialect on monitor routes", async () => {
    vi.useFakeTimers({ now: T0, toFake: ["Date"] });
    await start({ rateLimits: ["1/minute"] });
    kw!.keyward.app.get("/v1/monitor/test-only", { config: { auth: {}, dialect: "monitor" } }, () => ({ success: true }));
    const workspace = await kw!.createWorkspace("acme");
    const { secret } = await kw!.issueKey(workspace);
    await kw!.keyward.app.inject({ method: "GET", url: "/v1/monitor/test-only", headers: bearer(secret) });
    vi.setSystemTime(T0 + 30_000);
    const refused = await kw!.keyward.app.inject({ method: "GET", url: "/v1/monitor/test-only", headers: bearer(secret) });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(refused.json()).toEqual({ success: false, error: "Rate limit exceeded. Try again in 30 seconds.", retry_after: 30 });
  });

  describe("concurrency", () => {
    async function startWithSlowRoute(concurrency: number) {
      await start({ concurrency });
      const gates: Array<ReturnType<typeof deferred<void>>> = [];
      const entered: Array<ReturnType<typeof deferred<void>>> = [];
      kw!.keyward.app.get("/v1/test-only/slow", { config: { auth: {} } }, async () => {
        const gate = deferred<void>();
        gates.push(gate);
        entered.shift()?.resolve();
        await gate.promise;
        return { ok: true };
      });
      const workspace = await kw!.createWorkspace("acme");
      const { secret } = await kw!.issueKey(workspace);
      const waitForEntries = async (count: number) => {
        while (gates.length < count) {
          const next = deferred<void>();
          entered.push(next);
          await next.promise;
        }
      };
      return { workspace, secret, gates, waitForEntries };
    }

    it("refuses a request beyond the plan's requests in flight with 429, and admits again once one finishes", async () => {
      const { workspace, secret, gates, waitForEntries } = await startWithSlowRoute(2);
      const slow = () => kw!.keyward.app.inject({ method: "GET", url: "/v1/test-only/slow", headers: bearer(secret) });
      const first = slow();
      const second = slow();
      await waitForEntries(2);
      const third = await slow();
      expect(third.statusCode).toBe(429);
      expect(third.headers["retry-after"]).toBe("1");
      expect(third.json()).toEqual({
        error: { code: "rate_limit_exceeded", message: "Too many concurrent requests. Please retry after 1 seconds.", retry_after: 1 },
      });
      // Free routes of other kinds count too: a key's workspace has one pool of slots.
      expect((await kw!.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) })).statusCode).toBe(429);
      gates[0]!.resolve();
      expect((await first).statusCode).toBe(200);
      const fourth = slow();
      await waitForEntries(3);
      gates[1]!.resolve();
      gates[2]!.resolve();
      expect((await second).statusCode).toBe(200);
      expect((await fourth).statusCode).toBe(200);
      expect(kw!.keyward.limitParts.concurrency.inFlight(workspace.id)).toBe(0);
    });

    it("gives the slot back when a request is refused after taking it", async () => {
      await start({ concurrency: 1, creditsPerCycle: 0 });
      kw!.keyward.app.get("/v1/test-only/charged", { config: { auth: {}, cost: 1 } }, () => ({ ok: true }));
      const workspace = await kw!.createWorkspace("acme");
      const { secret } = await kw!.issueKey(workspace);
      const refused = await kw!.keyward.app.inject({ method: "GET", url: "/v1/test-only/charged", headers: bearer(secret) });
      expect(refused.statusCode).toBe(403);
      expect(kw!.keyward.limitParts.concurrency.inFlight(workspace.id)).toBe(0);
      expect((await kw!.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) })).statusCode).toBe(200);
    });

    it("gives the slot back when the client goes away before the answer", async () => {
      const { workspace, secret, gates, waitForEntries } = await startWithSlowRoute(1);
      await kw!.keyward.app.listen({ port: 0, host: "127.0.0.1" });
      const address = kw!.keyward.app.server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      // Fastify listens for the request's close first; this listener runs after it.
      const requestClosed = deferred<void>();
      kw!.keyward.app.server.once("request", (incoming: IncomingMessage) => {
        incoming.once("close", () => requestClosed.resolve());
      });
      const client = httpRequest({ host: "127.0.0.1", port, path: "/v1/test-only/slow", headers: bearer(secret) });
      client.on("error", () => {});
      client.end();
      await waitForEntries(1);
      expect(kw!.keyward.limitParts.concurrency.inFlight(workspace.id)).toBe(1);
      client.destroy();
      await requestClosed.promise;
      expect(kw!.keyward.limitParts.concurrency.inFlight(workspace.id)).toBe(0);
      gates[0]!.resolve();
      const after = await kw!.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
      expect(after.statusCode).toBe(200);
      expect(kw!.keyward.limitParts.concurrency.inFlight(workspace.id)).toBe(0);
    });
  });
});
