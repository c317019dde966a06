import { afterEach, describe, expect, it } from "vitest";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const TOKEN = "metrics-token-0123456789abcdef";

let kw: TestKeyward | undefined;
afterEach(async () => {
  await kw?.close();
  kw = undefined;
});

describe("GET /metrics with KEYWARD_METRICS_TOKEN", () => {
  it.each([
    ["no header", undefined],
    ["a wrong token", `Bearer ${TOKEN.slice(0, -1)}x`],
    ["the token without the Bearer scheme", TOKEN],
    ["a longer token", `Bearer ${TOKEN}0`],
  ])("answers 401 to %s", async (_name, authorization) => {
    kw = await startTestKeyward({ KEYWARD_METRICS_TOKEN: TOKEN });
    const response = await kw.keyward.app.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(response.body).not.toContain("keyward_");
  });

  it("answers the metrics to the right token, and never writes the token to the logs", async () => {
    kw = await startTestKeyward({ KEYWARD_METRICS_TOKEN: TOKEN, KEYWARD_LOG_REQUESTS: "true" });
    const response = await kw.keyward.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("keyward_http_requests_total");
    expect(kw.logs()).not.toContain(TOKEN);
  });

  it("is open without a token configured", async () => {
    kw = await startTestKeyward();
    const response = await kw.keyward.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
  });
});
