import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

describe("GET /v1/health", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    kw = await startTestKeyward();
  });
  afterEach(async () => {
    await kw.close();
  });

  it("answers ok with a UTC second-precision timestamp for a valid key", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; timestamp: string }>();
    expect(body.status).toBe("ok");
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it("answers 401 in the registry dialect without a key", async () => {
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/health" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "unauthorized", message: "Invalid API key" } });
  });
});
