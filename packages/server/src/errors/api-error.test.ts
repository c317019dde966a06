import { describe, expect, it } from "vitest";
import { ApiError, isApiError } from "./api-error.js";

describe("ApiError", () => {
  it("takes its status and message from the catalog", () => {
    const error = new ApiError("forbidden");
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("forbidden");
    expect(error.status).toBe(403);
    expect(error.message).toBe("Insufficient permissions");
    expect(error.customMessage).toBeUndefined();
    expect(error.details).toBeUndefined();
  });

  it("keeps a caller's message, details and retry delay", () => {
    const error = new ApiError("validation_error", {
      message: "name is required",
      details: [{ field: "name", message: "is required" }],
    });
    expect(error.status).toBe(400);
    expect(error.message).toBe("name is required");
    expect(error.customMessage).toBe("name is required");
    expect(error.details).toEqual([{ field: "name", message: "is required" }]);
    expect(new ApiError("rate_limit_exceeded", { retryAfter: 7 }).retryAfter).toBe(7);
  });
});

describe("isApiError", () => {
  it("tells ApiErrors from other errors and values", () => {
    expect(isApiError(new ApiError("not_found"))).toBe(true);
    expect(isApiError(new Error("Invalid API key"))).toBe(false);
    expect(isApiError({ code: "not_found", status: 404 })).toBe(false);
    expect(isApiError(null)).toBe(false);
  });
});
