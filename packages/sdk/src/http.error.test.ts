import { describe, expect, it } from "vitest";
import { Keyward } from "./client.js";
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "./errors.js";
import { useStubClient } from "./test-support/stub-client.js";
import { VALID_TEST_KEY, startStubServer } from "./test-support/stub-server.js";

const clientFor = useStubClient();

const HEALTHY = { body: { status: "ok", timestamp: "2024-01-15T10:30:00Z" } };
const NOW = { "retry-after": "0" };
const ISSUED_KEY = { id: "key_1", key: VALID_TEST_KEY };

function registryError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return { status, headers, body: { error: { code, message } } };
}

describe("retries", () => {
  it("retries a 503 and returns the answer that follows", async () => {
    const { client, server } = await clientFor((_r, i) => (i === 0 ? registryError(503, "unavailable", "down", NOW) : HEALTHY));
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 5xx without Retry-After using backoff", async () => {
    const { client, server } = await clientFor((_r, i) => (i < 2 ? registryError(500, "internal_error", "Internal server error") : HEALTHY));
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
    expect(server.requests).toHaveLength(3);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const { client, server } = await clientFor(() => registryError(429, "rate_limit_exceeded", "Rate limit exceeded", NOW), { maxRetries: 2 });
    const error = await client.health().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(0);
    expect(server.requests).toHaveLength(3);
  });

  it("makes a single attempt with maxRetries 0", async () => {
    const { client, server } = await clientFor(() => registryError(503, "unavailable", "down", NOW), { maxRetries: 0 });
    await expect(client.health()).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
  });

  it("lets one call override maxRetries", async () => {
    const { client, server } = await clientFor(() => registryError(503, "unavailable", "down", NOW));
    await expect(client.health({ maxRetries: 0 })).rejects.toBeInstanceOf(APIError);
    expect(server.requests).toHaveLength(1);
  });

  it("does not wait out a Retry-After longer than a minute: the caller decides", async () => {
    const { client, server } = await clientFor(() => registryError(429, "rate_limit_exceeded", "Rate limit exceeded", { "retry-after": "120" }));
    const error = await client.health().catch((caught: unknown) => caught);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(server.requests).toHaveLength(1);
  });

  it("honours retry_after from a body without the header", async () => {
    const { client, server } = await clientFor((_r, i) =>
      i === 0 ? { status: 429, body: { error: { code: "rate_limit_exceeded", message: "slow down", retry_after: 0 } } } : HEALTHY,
    );
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [400, "validation_error", ValidationError],
    [401, "unauthorized", AuthenticationError],
    [403, "forbidden", PermissionDeniedError],
    [404, "not_found", NotFoundError],
    [409, "conflict", APIError],
  ] as const)("never retries a %i", async (status, code, type) => {
    const { client, server } = await clientFor(() => registryError(status, code, "no", NOW));
    await expect(client.health()).rejects.toBeInstanceOf(type);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 500 for prompts.get, a read sent as POST", async () => {
    const prompt = { id: "pr_1", packageName: "@acme/welcome:v1" };
    const { client, server } = await clientFor((_r, i) => (i === 0 ? registryError(500, "internal_error", "oops", NOW) : { body: prompt }));
    await expect(client.prompts.get("@acme/welcome:v1")).resolves.toEqual(prompt);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a 500 for keys.create: the key may already exist", async () => {
    const { client, server } = await clientFor(() => registryError(500, "internal_error", "oops", NOW));
    await expect(client.keys.create({ name: "CI" })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 503 for keys.create: the server did no work", async () => {
    const { client, server } = await clientFor((_r, i) => (i === 0 ? registryError(503, "unavailable", "busy", NOW) : { status: 201, body: ISSUED_KEY }));
    await expect(client.keys.create({ name: "CI" })).resolves.toEqual(ISSUED_KEY);
    expect(server.requests).toHaveLength(2);
  });

  it("reports a proxy's HTML error page as an APIError with its status", async () => {
    const { client } = await clientFor(() => ({ status: 504, headers: { "content-type": "text/html" }, rawBody: "<h1>Gateway Timeout</h1>" }), { maxRetries: 0 });
    await expect(client.health()).rejects.toMatchObject({ name: "APIError", status: 504, message: "Request failed with status 504" });
  });

  it("rejects a success whose body is not JSON", async () => {
    const { client } = await clientFor(() => ({ status: 200, rawBody: "<html>captive portal</html>" }));
    await expect(client.health()).rejects.toMatchObject({ code: "invalid_response", status: 200 });
  });
});

describe("timeouts and connection failures", () => {
  it("throws APITimeoutError when no answer comes in time", async () => {
    const { client } = await clientFor(() => ({ hang: true }), { timeoutMs: 50, maxRetries: 0 });
    const error = await client.health().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/within 50 ms/);
  });

  it("retries a timed-out read", async () => {
    const { client, server } = await clientFor((_r, i) => (i === 0 ? { hang: true } : HEALTHY), { timeoutMs: 100, maxRetries: 1 });
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a timed-out task creation: it may have been queued", async () => {
    const { client, server } = await clientFor(() => ({ hang: true }), { timeoutMs: 50, maxRetries: 2 });
    await expect(client.tasks.create({ taskType: "CHATGPT", payload: { prompt: "hi" } })).rejects.toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("lets one call override the timeout", async () => {
    const { client } = await clientFor(() => ({ hang: true }), { maxRetries: 0 });
    await expect(client.health({ timeoutMs: 50 })).rejects.toBeInstanceOf(APITimeoutError);
  });

  it("retries a read whose connection was dropped", async () => {
    const { client, server } = await clientFor((_r, i) => (i === 0 ? { drop: true } : HEALTHY));
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a rotation whose connection was dropped", async () => {
    const { client, server } = await clientFor(() => ({ drop: true }));
    await expect(client.keys.rotate("key_1")).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unreachable server as APIConnectionError naming where it looked", async () => {
    const stub = await startStubServer(() => HEALTHY);
    const url = stub.url;
    await stub.close();
    const client = new Keyward({ apiKey: VALID_TEST_KEY, baseUrl: url, maxRetries: 0 });
    const error = await client.health().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain(url);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const controller = new AbortController();
    const { client, server } = await clientFor(() => {
      controller.abort(new Error("user cancelled"));
      return { hang: true };
    });
    await expect(client.health({ signal: controller.signal })).rejects.toThrow("user cancelled");
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const { client, server } = await clientFor(() => HEALTHY);
    await expect(client.health({ signal: AbortSignal.abort(new Error("too late")) })).rejects.toThrow("too late");
    expect(server.requests).toHaveLength(0);
  });
});
