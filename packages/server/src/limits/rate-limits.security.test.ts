import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);

describe("the per-IP limit on requests without a valid key", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    vi.useFakeTimers({ now: T0, toFake: ["Date"] });
    kw = await startTestKeyward({ KEYWARD_IP_RATE_LIMITS: "5/minute" });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await kw.close();
  });

  const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
    kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers, remoteAddress });

  it("answers 401 to an IP's first bad keys and 429 once it has sent the limit of them", async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await from("203.0.113.7", bearer(generateApiKey("live")))).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("counts missing, malformed and unknown keys alike", async () => {
    await from("203.0.113.7");
    await from("203.0.113.7", { authorization: "Bearer sk_live_nope" });
    await from("203.0.113.7", { authorization: "Basic dXNlcjpwYXNz" });
    await from("203.0.113.7", bearer(generateApiKey("live")));
    await from("203.0.113.7", bearer(generateApiKey("test")));
    const refused = await from("203.0.113.7", bearer(generateApiKey("live")));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("60");
    expect(refused.json()).toEqual({
      error: { code: "rate_limit_exceeded", message: "Rate limit exceeded. Please retry after 60 seconds.", retry_after: 60 },
    });
  });

  it("refuses a throttled IP before verifying, even with a valid key, until its window ends", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    for (let i = 0; i < 5; i++) await from("203.0.113.7", bearer(generateApiKey("live")));
    expect((await from("203.0.113.7", bearer(secret))).statusCode).toBe(429);
    vi.setSystemTime(T0 + 60_000);
    expect((await from("203.0.113.7", bearer(secret))).statusCode).toBe(200);
  });

  it("never counts valid keys against their IP", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    for (let i = 0; i < 20; i++) expect((await from("203.0.113.7", bearer(secret))).statusCode).toBe(200);
    expect((await from("203.0.113.7", bearer(generateApiKey("live")))).statusCode).toBe(401);
  });

  it("counts revoked keys against their IP too", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { id, secret } = await kw.issueKey(workspace);
    await kw.keyward.keys.revoke(id);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await from("203.0.113.7", bearer(secret))).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("throttles one IP without touching another", async () => {
    for (let i = 0; i < 6; i++) await from("203.0.113.7", bearer(generateApiKey("live")));
    expect((await from("198.51.100.2", bearer(generateApiKey("live")))).statusCode).toBe(401);
  });

  it("leaves routes without a key alone", async () => {
    for (let i = 0; i < 6; i++) await from("203.0.113.7");
    const probe = await kw.keyward.app.inject({ method: "GET", url: "/livez", remoteAddress: "203.0.113.7" });
    expect(probe.statusCode).toBe(200);
  });
});

describe("KEYWARD_IP_RATE_LIMITS=off", () => {
  it("turns the per-IP limit off", async () => {
    const kw = await startTestKeyward({ KEYWARD_IP_RATE_LIMITS: "off" });
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 120; i++) {
        statuses.add((await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(generateApiKey("live")) })).statusCode);
      }
      expect([...statuses]).toEqual([401]);
    } finally {
      await kw.close();
    }
  });
});
