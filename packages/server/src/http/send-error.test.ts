import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import "./fastify-augment.js";
import { dialectOf, sendApiError, sendCatalogError } from "./send-error.js";

describe("sending errors", () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = Fastify();
    app.get("/catalog/:code/:status", (request, reply) => {
      const { code, status } = request.params as { code: "unauthorized" | "forbidden"; status: string };
      sendCatalogError(reply, code, dialectOf(request), Number(status));
    });
    app.get("/limited", { config: { dialect: "monitor" } }, (_request, reply) => {
      sendApiError(reply, new ApiError("rate_limit_exceeded", { retryAfter: 12 }), "monitor");
    });
    app.get("/v1/monitor/dialect", (request) => ({ dialect: dialectOf(request) }));
    app.get("/v1/async/dialect", (request) => ({ dialect: dialectOf(request) }));
    app.get("/v1/prompts/dialect", (request) => ({ dialect: dialectOf(request) }));
    app.get("/configured", { config: { dialect: "monitor" } }, (request) => ({ dialect: dialectOf(request) }));
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it("send a catalog 401 with WWW-Authenticate and JSON content", async () => {
    const response = await app.inject({ method: "GET", url: "/catalog/unauthorized/401" });
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="keyward"');
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.json()).toEqual({ error: { code: "unauthorized", message: "Invalid API key" } });
  });

  it("send a 403 without WWW-Authenticate", async () => {
    const response = await app.inject({ method: "GET", url: "/catalog/forbidden/403" });
    expect(response.statusCode).toBe(403);
    expect(response.headers["www-authenticate"]).toBeUndefined();
    expect(response.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions" } });
  });

  it("send the same bytes each time for a catalog error (rendered once)", async () => {
    const first = await app.inject({ method: "GET", url: "/catalog/unauthorized/401" });
    const second = await app.inject({ method: "GET", url: "/catalog/unauthorized/401" });
    expect(second.body).toBe(first.body);
  });

  it("send Retry-After with a rate limit", async () => {
    const response = await app.inject({ method: "GET", url: "/limited" });
    expect(response.statusCode).toBe(429);
    expect(response.headers["retry-after"]).toBe("12");
    expect(response.json()).toEqual({ success: false, error: "Rate limit exceeded. Try again in 12 seconds.", retry_after: 12 });
  });

  it.each([
    ["/v1/monitor/dialect", "monitor"],
    ["/v1/async/dialect", "monitor"],
    ["/v1/prompts/dialect", "registry"],
    ["/configured", "monitor"],
  ])("pick the dialect of %s: %s", async (url, dialect) => {
    expect((await app.inject({ method: "GET", url })).json()).toEqual({ dialect });
  });
});
