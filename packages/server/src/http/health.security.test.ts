import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("health routes, security", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    kw = await startTestKeyward();
  });
  afterEach(async () => {
    await kw.close();
  });

  it.each(["/livez", "/readyz"])("%s needs no key and ignores whatever Authorization says", async (url) => {
    for (const headers of [{}, { authorization: "Basic Zm9vOmJhcg==" }, bearer(generateApiKey("live"))]) {
      const response = await kw.keyward.app.inject({ method: "GET", url, headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers["www-authenticate"]).toBeUndefined();
    }
  });

  it("HEAD /v1/health needs a key as GET does", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    expect((await kw.keyward.app.inject({ method: "HEAD", url: "/v1/health" })).statusCode).toBe(401);
    expect((await kw.keyward.app.inject({ method: "HEAD", url: "/v1/health", headers: bearer(secret) })).statusCode).toBe(200);
  });

  it("never echoes the key it refused", async () => {
    const workspace = await kw.createWorkspace("acme");
    const revoked = await kw.issueKey(workspace);
    await kw.keyward.keys.revoke(revoked.id);
    for (const authorization of [`Bearer ${revoked.secret}`, revoked.secret, `Token ${revoked.secret}`]) {
      const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain(revoked.secret.slice(8));
      expect(JSON.stringify(response.headers)).not.toContain(revoked.secret.slice(8));
    }
  });

  it("survives an oversized or binary Authorization header with a 401", async () => {
    for (const authorization of [`Bearer ${"A".repeat(8_000)}`, "Bearer \u00ff\u00fe\u00fd", `Bearer ${generateApiKey("live")} extra`]) {
      const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: { authorization } });
      expect(response.statusCode).toBe(401);
    }
  });

  it("does not let a key in the query string stand in for the header", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const response = await kw.keyward.app.inject({ method: "GET", url: `/v1/health?api_key=${secret}&access_token=${secret}` });
    expect(response.statusCode).toBe(401);
  });
});
