import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const INVALID_KEY = { error: { code: "unauthorized", message: "Invalid API key" } };

describe("health routes, errors", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    kw = await startTestKeyward();
  });
  afterEach(async () => {
    await kw.close();
  });

  const health = (headers: Record<string, string> = {}) => kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers });

  it.each([
    ["no key", {}],
    ["an empty header", { authorization: "" }],
    ["a malformed key", bearer("sk_live_123")],
    ["a key with a wrong checksum", bearer(`${generateApiKey("live").slice(0, -1)}!`)],
    ["an unknown key", bearer(generateApiKey("live"))],
  ])("GET /v1/health with %s is a 401 in the registry dialect", async (_what, headers) => {
    const response = await health(headers);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual(INVALID_KEY);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="keyward"');
  });

  it("GET /v1/health with a revoked or expired key is the plain 401", async () => {
    const workspace = await kw.createWorkspace("acme");
    const revoked = await kw.issueKey(workspace);
    await kw.keyward.keys.revoke(revoked.id);
    const expiring = await kw.issueKey(workspace, { expiresAt: Date.now() + 60_000 });
    await kw.keyward.keys.rotate(expiring.id, 0);
    for (const secret of [revoked.secret, expiring.secret]) {
      const response = await health(bearer(secret));
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual(INVALID_KEY);
    }
  });

  it.each([
    ["another scheme", `Basic ${Buffer.from("user:pass").toString("base64")}`],
    ["a bare key", generateApiKey("live")],
    ["the scheme alone", "Bearer "],
  ])("GET /v1/health with %s says to use the Bearer prefix", async (_what, authorization) => {
    const response = await health({ authorization });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({ code: "unauthorized", message: expect.stringMatching(/Bearer prefix/) });
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="keyward"');
  });

  it("GET /readyz answers 503 when storage cannot be reached", async () => {
    vi.spyOn(kw.keyward.store, "ping").mockRejectedValueOnce(new Error("SQLITE_CANTOPEN"));
    const response = await kw.keyward.app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: "unavailable" });
  });

  it("answers unknown routes and methods with 404 in the registry dialect", async () => {
    for (const [method, url] of [
      ["GET", "/v1/nope"],
      ["POST", "/v1/health"],
      ["DELETE", "/v1/health"],
    ] as const) {
      const response = await kw.keyward.app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: "not_found", message: `Route not found: ${method} ${url}` } });
    }
  });
});
