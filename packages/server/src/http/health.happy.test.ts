import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { healthTimestamp } from "./health-routes.js";

describe("health routes, happy paths", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    kw = await startTestKeyward();
  });
  afterEach(async () => {
    await kw.close();
  });

  it("GET /v1/health answers ok with a UTC second-precision timestamp for a valid key", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace);
    const before = Math.floor(Date.now() / 1000) * 1000;
    const response = await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const body = response.json<{ status: string; timestamp: string }>();
    expect(Object.keys(body)).toEqual(["status", "timestamp"]);
    expect(body.status).toBe("ok");
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(body.timestamp)).toBeGreaterThanOrEqual(before);
  });

  it("GET /v1/health works for test keys and keys without any management scope", async () => {
    const workspace = await kw.createWorkspace("acme");
    const { secret } = await kw.issueKey(workspace, { environment: "test", scopes: ["usage:read"] });
    expect((await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret) })).statusCode).toBe(200);
  });

  it("GET /livez answers ok", async () => {
    const response = await kw.keyward.app.inject({ method: "GET", url: "/livez" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz answers ready when storage is reachable", async () => {
    const response = await kw.keyward.app.inject({ method: "GET", url: "/readyz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ready" });
  });
});

describe("healthTimestamp", () => {
  it.each([
    [Date.UTC(2024, 0, 15, 10, 30, 0, 0), "2024-01-15T10:30:00Z"],
    [Date.UTC(2024, 0, 15, 10, 30, 0, 999), "2024-01-15T10:30:00Z"],
    [Date.UTC(1999, 11, 31, 23, 59, 59, 500), "1999-12-31T23:59:59Z"],
  ])("writes %i as %s (UTC, whole seconds)", (now, expected) => {
    expect(healthTimestamp(now)).toBe(expected);
  });
});
