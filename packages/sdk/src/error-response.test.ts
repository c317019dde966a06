import { describe, expect, it } from "vitest";
import { errorFromResponse } from "./error-response.js";
import {
  APIError,
  AuthenticationError,
  ConflictError,
  KeywardError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from "./errors.js";

const keep = (text: string) => text;
const registry = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });
const monitor = (message: string, extra: Record<string, unknown> = {}) => ({ success: false, error: message, ...extra });

describe("errorFromResponse", () => {
  it.each([
    [400, ValidationError, "validation_error"],
    [401, AuthenticationError, "unauthorized"],
    [403, PermissionDeniedError, "forbidden"],
    [404, NotFoundError, "not_found"],
    [409, ConflictError, "conflict"],
    [429, RateLimitError, "rate_limit_exceeded"],
  ] as const)("maps a registry %i to its class with the code and message", (status, type, code) => {
    const error = errorFromResponse(status, new Headers(), registry(code, "Something specific"), keep);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(KeywardError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe("Something specific");
  });

  it("maps other statuses to a plain APIError with status and code", () => {
    const error = errorFromResponse(500, new Headers(), registry("internal_error", "Internal server error"), keep);
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(500);
    expect(error.code).toBe("internal_error");
  });

  it("keeps the registry's own code, such as subscription_inactive", () => {
    const error = errorFromResponse(403, new Headers(), registry("subscription_inactive", "The workspace subscription is inactive"), keep);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.code).toBe("subscription_inactive");
  });

  it("reads the monitor dialect's message and derives the code from the status", () => {
    const error = errorFromResponse(401, new Headers(), monitor("Invalid or missing API key"), keep);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe("Invalid or missing API key");
    expect(error.code).toBe("unauthorized");
  });

  it("lists the fields of a validation error", () => {
    const body = registry("validation_error", "name is required; limit must be <= 100", {
      details: [
        { field: "name", message: "is required" },
        { field: "limit", message: "must be <= 100" },
      ],
    });
    const error = errorFromResponse(400, new Headers(), body, keep) as ValidationError;
    expect(error.fields).toEqual([
      { field: "name", message: "is required" },
      { field: "limit", message: "must be <= 100" },
    ]);
  });

  it("gives a monitor validation error an empty field list and the message", () => {
    const error = errorFromResponse(400, new Headers(), monitor("prompt must be 1 to 10000 characters"), keep) as ValidationError;
    expect(error.fields).toEqual([]);
    expect(error.message).toBe("prompt must be 1 to 10000 characters");
  });

  it("takes retryAfter from the Retry-After header first", () => {
    const body = registry("rate_limit_exceeded", "Rate limit exceeded", { retry_after: 60 });
    const error = errorFromResponse(429, new Headers({ "retry-after": "7" }), body, keep) as RateLimitError;
    expect(error.retryAfter).toBe(7);
  });

  it.each([
    ["registry", registry("rate_limit_exceeded", "Rate limit exceeded", { retry_after: 12 })],
    ["monitor", monitor("Rate limit exceeded. Try again in 12 seconds.", { retry_after: 12 })],
  ])("falls back to the %s body's retry_after", (_dialect, body) => {
    const error = errorFromResponse(429, new Headers(), body, keep) as RateLimitError;
    expect(error.retryAfter).toBe(12);
  });

  it("gives retryAfter null when the API says nothing", () => {
    const error = errorFromResponse(429, new Headers(), undefined, keep) as RateLimitError;
    expect(error.retryAfter).toBeNull();
  });

  it("handles a body that is not JSON, such as a proxy's HTML page", () => {
    const error = errorFromResponse(502, new Headers(), "<html>Bad Gateway</html>", keep);
    expect(error.status).toBe(502);
    expect(error.code).toBe("bad_gateway");
    expect(error.message).toBe("Request failed with status 502");
    expect(error.body).toBe("<html>Bad Gateway</html>");
  });

  it("names an unknown status in its code", () => {
    expect(errorFromResponse(418, new Headers(), undefined, keep).code).toBe("http_418");
  });

  it("passes the message through the redactor", () => {
    const error = errorFromResponse(401, new Headers(), registry("unauthorized", "bad key SECRET"), (text) => text.replace("SECRET", "…"));
    expect(error.message).toBe("bad key …");
  });
});
