import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error.js";
import { ERROR_CATALOG, type ErrorCode } from "./catalog.js";
import { renderError } from "./render-error.js";

describe("renderError in the registry dialect", () => {
  it("renders 401 as DESIGN.md shows it", () => {
    expect(renderError(new ApiError("unauthorized"), "registry")).toEqual({
      status: 401,
      body: { error: { code: "unauthorized", message: "Invalid API key" } },
    });
  });

  it("renders 403 as DESIGN.md shows it", () => {
    expect(renderError(new ApiError("forbidden"), "registry")).toEqual({
      status: 403,
      body: { error: { code: "forbidden", message: "Insufficient permissions" } },
    });
  });

  it("answers bearer_required on the wire as unauthorized, with a message about the Bearer prefix", () => {
    const rendered = renderError(new ApiError("bearer_required"), "registry");
    expect(rendered.status).toBe(401);
    expect(rendered.body).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Bearer") } });
  });

  it("includes details naming each field", () => {
    const error = new ApiError("validation_error", {
      message: "name is required",
      details: [{ field: "name", message: "is required" }],
    });
    expect(renderError(error, "registry").body).toEqual({
      error: { code: "validation_error", message: "name is required", details: [{ field: "name", message: "is required" }] },
    });
  });

  it("puts retry_after in the body and the delay in the message", () => {
    expect(renderError(new ApiError("rate_limit_exceeded", { retryAfter: 30 }), "registry")).toEqual({
      status: 429,
      body: {
        error: { code: "rate_limit_exceeded", message: "Rate limit exceeded. Please retry after 30 seconds.", retry_after: 30 },
      },
    });
  });

  it("leaves no template placeholder in any catalog message, in either dialect", () => {
    for (const code of Object.keys(ERROR_CATALOG) as ErrorCode[]) {
      for (const dialect of ["registry", "monitor"] as const) {
        const body = renderError(new ApiError(code), dialect).body as { error: string | { message: string } };
        const message = typeof body.error === "string" ? body.error : body.error.message;
        expect(message, `${code} ${dialect}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe("renderError in the monitor dialect", () => {
  it("renders 401 as DESIGN.md shows it", () => {
    expect(renderError(new ApiError("unauthorized"), "monitor")).toEqual({
      status: 401,
      body: { success: false, error: "Invalid or missing API key" },
    });
  });

  it("renders bearer_required with its own monitor text", () => {
    const rendered = renderError(new ApiError("bearer_required"), "monitor");
    expect(rendered.status).toBe(401);
    expect(rendered.body).toEqual({ success: false, error: expect.stringContaining("Bearer") });
  });

  it("renders a rate limit with retry_after", () => {
    expect(renderError(new ApiError("rate_limit_exceeded", { retryAfter: 5 }), "monitor")).toEqual({
      status: 429,
      body: { success: false, error: "Rate limit exceeded. Try again in 5 seconds.", retry_after: 5 },
    });
  });

  it("uses a caller's message in either dialect", () => {
    const error = new ApiError("not_found", { message: "Key not found: key_x" });
    expect(renderError(error, "monitor").body).toEqual({ success: false, error: "Key not found: key_x" });
    expect(renderError(error, "registry").body).toEqual({ error: { code: "not_found", message: "Key not found: key_x" } });
  });
});

describe("renderError redaction", () => {
  const key = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";

  it("never echoes a key quoted in a custom message, in either dialect", () => {
    const error = new ApiError("not_found", { message: `Key not found: ${key}` });
    expect(JSON.stringify(renderError(error, "registry").body)).not.toContain(key);
    expect(JSON.stringify(renderError(error, "monitor").body)).not.toContain(key);
    expect(renderError(error, "registry").body).toEqual({ error: { code: "not_found", message: "Key not found: sk_live_…" } });
  });

  it("never echoes a key quoted in a detail's field or message", () => {
    const error = new ApiError("validation_error", { message: "bad", details: [{ field: key, message: `got ${key}` }] });
    expect(JSON.stringify(renderError(error, "registry").body)).not.toContain(key);
  });
});
