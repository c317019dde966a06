import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("GET /v1/usage access", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    kw = await startTestKeyward();
  });
  afterEach(async () => {
    await kw.close();
  });

  it("needs the usage:read scope", async () => {
    const { secret } = await kw.issueKey(await kw.createWorkspace("acme"));
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/usage", headers: bearer(secret) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions" } });
  });

  it("needs a key", async () => {
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/usage" });
    expect(response.statusCode).toBe(401);
  });

  it("answers 404 for another workspace's key, as for one that does not exist, and shows none of its usage", async () => {
    const reader = await kw.issueKey(await kw.createWorkspace("acme"), { scopes: ["usage:read"] });
    const foreign = await kw.issueKey(await kw.createWorkspace("globex"));
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(foreign.secret) });
    await kw.keyward.usage.flush();
    const response = await kw.keyward.app.inject({ method: "GET", url: `/v1/usage?keyId=${foreign.id}`, headers: bearer(reader.secret) });
    expect(response.statusCode).toBe(404);
    await kw.keyward.usage.flush();
    const own = (await kw.keyward.app.inject({ method: "GET", url: "/v1/usage", headers: bearer(reader.secret) })).json<{
      buckets: Array<{ requests: number }>;
    }>();
    // Only the reader's own request (the 404) is in its workspace's usage.
    expect(own.buckets.reduce((sum, b) => sum + b.requests, 0)).toBe(1);
  });
});
