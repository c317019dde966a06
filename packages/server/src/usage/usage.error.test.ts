import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("GET /v1/usage with a bad query", () => {
  let kw: TestKeyward;
  let secret: string;
  beforeEach(async () => {
    kw = await startTestKeyward();
    secret = (await kw.issueKey(await kw.createWorkspace("acme"), { scopes: ["usage:read"] })).secret;
  });
  afterEach(async () => {
    await kw.close();
  });

  it.each([
    ["?granularity=week", "granularity"],
    ["?from=yesterday", "from"],
    ["?to=2024-13-45", "to"],
    ["?from=2024-02-01&to=2024-01-01", "from"],
    ["?from=2024-01-01&to=2024-03-01&granularity=hour", "from"],
    ["?color=blue", "color"],
  ])("answers 400 validation_error for %s, naming %s", async (query, field) => {
    const response = await kw.keyward.app.inject({ method: "GET", url: `/v1/usage${query}`, headers: bearer(secret) });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; details?: Array<{ field: string }> } }>();
    expect(body.error.code).toBe("validation_error");
    expect(body.error.details?.map((d) => d.field)).toContain(field);
  });

  it("answers 404 for a key that does not exist", async () => {
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/usage?keyId=key_nope", headers: bearer(secret) });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: "Key not found: key_nope" } });
  });
});
