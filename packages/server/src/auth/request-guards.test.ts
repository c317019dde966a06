import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../errors/index.js";
import "../http/fastify-augment.js";
import { installErrorHandling } from "../http/error-handler.js";
import type { KeyRecord } from "../store/index.js";
import { keyFixture } from "../test-support/key-fixtures.js";
import { UsageRecorder } from "../usage/index.js";
import { installAuthentication } from "./authenticate-hook.js";
import { KeyVerifier } from "./key-verifier.js";
import type { RequestGuard } from "./request-guards.js";
import { VerificationCache } from "./verification-cache.js";

const valid = keyFixture({ scopes: ["prompts:read"] });
const revoked = keyFixture({ revokedAt: 1 });

/** A bare app with the request path and one route needing `prompts:read`. */
async function appWith(guards: RequestGuard[], findKeyByHash?: (hash: string) => Promise<KeyRecord | null>) {
  const records = new Map([valid, revoked].map(({ record }) => [record.keyHash, record]));
  const store = { findKeyByHash: findKeyByHash ?? (async (hash: string) => records.get(hash) ?? null) };
  const verifier = new KeyVerifier(store, new VerificationCache({ maxEntries: 10, ttlMs: 60_000, missMaxEntries: 10, missTtlMs: 60_000 }));
  const app = Fastify();
  installErrorHandling(app);
  installAuthentication(app, { verifier, usage: new UsageRecorder(async () => {}), guards });
  app.get("/thing", { config: { auth: { scope: "prompts:read" } } }, () => ({ ok: true }));
  await app.ready();
  return app;
}

const get = (app: FastifyInstance, secret?: string) =>
  app.inject({ method: "GET", url: "/thing", headers: secret ? { authorization: `Bearer ${secret}` } : {} });

describe("request guards", () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
  });

  it("run in order around verification: before, then after with the verified key", async () => {
    const calls: string[] = [];
    app = await appWith([
      { name: "a", beforeVerify: () => (calls.push("a.before"), null), afterVerify: (_r, _p, key) => (calls.push(`a.after:${key.id}`), null) },
      { name: "b", afterVerify: () => (calls.push("b.after"), null) },
    ]);
    expect((await get(app, valid.secret)).statusCode).toBe(200);
    expect(calls).toEqual(["a.before", `a.after:${valid.record.id}`, "b.after"]);
  });

  it("stop the request at the first refusal, answered from the catalog", async () => {
    const later = vi.fn(() => null);
    app = await appWith([
      { name: "limit", afterVerify: () => new ApiError("rate_limit_exceeded", { retryAfter: 9 }) },
      { name: "later", afterVerify: later },
    ]);
    const answer = await get(app, valid.secret);
    expect(answer.statusCode).toBe(429);
    expect(answer.headers["retry-after"]).toBe("9");
    expect(answer.json()).toMatchObject({ error: { code: "rate_limit_exceeded", retry_after: 9 } });
    expect(later).not.toHaveBeenCalled();
  });

  it("may answer later with a promise, then the next guard runs", async () => {
    const calls: string[] = [];
    app = await appWith([
      { name: "slow", afterVerify: async () => (calls.push("slow"), null) },
      { name: "fast", afterVerify: () => (calls.push("fast"), null) },
    ]);
    expect((await get(app, valid.secret)).statusCode).toBe(200);
    expect(calls).toEqual(["slow", "fast"]);
  });

  it("refuse with an async refusal too", async () => {
    app = await appWith([{ name: "subscription", afterVerify: async () => new ApiError("subscription_inactive") }]);
    expect((await get(app, valid.secret)).json()).toEqual({
      error: { code: "forbidden", message: "The workspace subscription is inactive" },
    });
  });

  it("answer 503, not 500 and not a hang, when a guard fails", async () => {
    app = await appWith([{ name: "broken", afterVerify: async () => Promise.reject(new Error("redis down")) }]);
    const answer = await get(app, valid.secret);
    expect(answer.statusCode).toBe(503);
    expect(answer.json()).toMatchObject({ error: { code: "unavailable" } });
    expect(answer.body).not.toContain("redis down");
  });

  it("may refuse before verification, and the key is then never looked up", async () => {
    const lookup = vi.fn(async () => null);
    app = await appWith([{ name: "ip-ban", beforeVerify: () => new ApiError("rate_limit_exceeded", { retryAfter: 60 }) }], lookup);
    expect((await get(app, valid.secret)).statusCode).toBe(429);
    expect(lookup).not.toHaveBeenCalled();
  });

  it("hear about refused keys with the reason, and the client still gets the plain 401", async () => {
    const refused = vi.fn();
    const after = vi.fn(() => null);
    app = await appWith([{ name: "audit", onRefused: (_request, outcome) => refused(outcome.code), afterVerify: after }]);
    expect((await get(app, revoked.secret)).json()).toEqual({ error: { code: "unauthorized", message: "Invalid API key" } });
    await get(app);
    expect(refused.mock.calls).toEqual([["REVOKED"], ["MISSING"]]);
    expect(after).not.toHaveBeenCalled();
  });

  it("never run after a refused scope", async () => {
    const after = vi.fn(() => null);
    const noScope = keyFixture({ scopes: ["monitor:run"] });
    app = await appWith([{ name: "limits", afterVerify: after }], async () => noScope.record);
    expect((await get(app, noScope.secret)).statusCode).toBe(403);
    expect(after).not.toHaveBeenCalled();
  });
});

describe("the request path without guards", () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
  });

  it("answers 503 when storage fails, without leaking the error", async () => {
    app = await appWith([], async () => Promise.reject(new Error("SQLITE_BUSY: database is locked")));
    const answer = await get(app, valid.secret);
    expect(answer.statusCode).toBe(503);
    expect(answer.body).not.toContain("SQLITE");
  });
});
