import Fastify, { type FastifyInstance } from "fastify";
import { Type } from "typebox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { generateApiKey } from "../keys/index.js";
import "./fastify-augment.js";
import { installErrorHandling } from "./error-handler.js";

describe("the error handler", () => {
  let app: FastifyInstance;
  let logs: string;
  beforeEach(async () => {
    logs = "";
    app = Fastify({ logger: { level: "error", stream: { write: (line: string) => void (logs += line) } }, ajv: { customOptions: { allErrors: true, removeAdditional: false } } });
    installErrorHandling(app);
    app.get("/api-error", () => {
      throw new ApiError("conflict", { message: "Key was already rotated" });
    });
    app.get("/crash", () => {
      throw new Error("connection string postgres://admin:hunter2@db failed");
    });
    app.get("/monitor-crash", { config: { dialect: "monitor" } }, () => {
      throw new Error("boom");
    });
    app.post(
      "/validated",
      {
        schema: {
          body: Type.Object(
            { name: Type.String(), nested: Type.Optional(Type.Object({ count: Type.Integer({ minimum: 1 }) })) },
            { additionalProperties: false },
          ),
        },
      },
      () => ({ ok: true }),
    );
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it("renders an ApiError from the catalog with its own message", async () => {
    const response = await app.inject({ method: "GET", url: "/api-error" });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: "conflict", message: "Key was already rotated" } });
  });

  it("answers an unexpected error with a bare 500 and logs it, never echoing its message", async () => {
    const response = await app.inject({ method: "GET", url: "/crash" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: "internal_error", message: "Internal server error" } });
    expect(response.body).not.toContain("hunter2");
    expect(logs).toContain("request failed");
  });

  it("answers in the route's dialect", async () => {
    const response = await app.inject({ method: "GET", url: "/monitor-crash" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ success: false, error: "Internal server error" });
  });

  it("names each field a body fails on", async () => {
    const response = await app.inject({ method: "POST", url: "/validated", payload: { nested: { count: 0 }, extra: true } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("validation_error");
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: "name", message: "is required" },
        { field: "extra", message: "is not a known field" },
        { field: "nested.count", message: expect.stringContaining(">= 1") },
      ]),
    );
    expect(error.message).toContain("name is required");
  });

  it("never echoes a key sent as a field name", async () => {
    const key = generateApiKey("live");
    const response = await app.inject({ method: "POST", url: "/validated", payload: { name: "x", [key]: 1 } });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(key.slice(8));
    expect(response.json().error.details).toEqual([{ field: "sk_live_…", message: "is not a known field" }]);
  });

  it("answers bad JSON with 400 without quoting it", async () => {
    const key = generateApiKey("live");
    const response = await app.inject({
      method: "POST",
      url: "/validated",
      headers: { "content-type": "application/json" },
      payload: `{"name": "${key}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: "validation_error", message: "Request body is not valid JSON" } });
  });

  it("answers an empty JSON body with 400", async () => {
    const response = await app.inject({ method: "POST", url: "/validated", headers: { "content-type": "application/json" }, payload: "" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error", message: "Request body is empty" } });
  });

  it("answers an unknown route with 404 in the registry dialect", async () => {
    const response = await app.inject({ method: "GET", url: "/v1/nowhere?x=1" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: "Route not found: GET /v1/nowhere" } });
  });

  it("answers an unknown monitor route in the monitor dialect", async () => {
    const response = await app.inject({ method: "POST", url: "/v1/monitor/nowhere" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ success: false, error: "Route not found: POST /v1/monitor/nowhere" });
  });

  it("never echoes a key pasted into an unknown URL", async () => {
    const key = generateApiKey("test");
    const response = await app.inject({ method: "GET", url: `/v1/${key}` });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(key.slice(8));
    expect(response.json().error.message).toBe("Route not found: GET /v1/sk_test_…");
  });
});

describe("the error handler and text PostgreSQL cannot store", () => {
  it("answers 400, not 500, when the database refuses a NUL byte", async () => {
    const app = Fastify({ logger: false });
    installErrorHandling(app);
    app.get("/nul", async () => {
      throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    });
    const response = await app.inject({ url: "/nul" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: "validation_error", message: "Text must not contain NUL characters" } });
    await app.close();
  });
});
