import { Value } from "typebox/value";
import { describe, expect, it } from "vitest";
import { ApiError, ERROR_CATALOG, renderError, type ErrorCode } from "../errors/index.js";
import { RegistryErrorResponses, RegistryErrorSchema } from "./error-schemas.js";

describe("RegistryErrorSchema", () => {
  it("describes every registry error the catalog renders", () => {
    for (const code of Object.keys(ERROR_CATALOG) as ErrorCode[]) {
      expect(Value.Check(RegistryErrorSchema, renderError(new ApiError(code), "registry").body), code).toBe(true);
    }
    const detailed = new ApiError("validation_error", { details: [{ field: "name", message: "is required" }] });
    expect(Value.Check(RegistryErrorSchema, renderError(detailed, "registry").body)).toBe(true);
    expect(Value.Check(RegistryErrorSchema, renderError(new ApiError("rate_limit_exceeded", { retryAfter: 3 }), "registry").body)).toBe(true);
  });

  it("is documented for each error status a route can answer", () => {
    expect(Object.keys(RegistryErrorResponses)).toEqual(expect.arrayContaining(["400", "401", "403", "404", "409", "429"]));
  });
});
