import { describe, expect, it } from "vitest";
import { ERROR_CATALOG, type ErrorCode } from "./catalog.js";

const entries = Object.entries(ERROR_CATALOG) as Array<[ErrorCode, (typeof ERROR_CATALOG)[ErrorCode]]>;

describe("ERROR_CATALOG", () => {
  it("holds the statuses and texts DESIGN.md §3 promises", () => {
    expect(ERROR_CATALOG.unauthorized).toMatchObject({ status: 401, registry: "Invalid API key", monitor: "Invalid or missing API key" });
    expect(ERROR_CATALOG.forbidden).toMatchObject({ status: 403, registry: "Insufficient permissions" });
    expect(ERROR_CATALOG.validation_error.status).toBe(400);
    expect(ERROR_CATALOG.not_found.status).toBe(404);
    expect(ERROR_CATALOG.rate_limit_exceeded.status).toBe(429);
    expect(ERROR_CATALOG.internal_error.status).toBe(500);
  });

  it.each(entries)("gives %s an error status and a message in both dialects", (_code, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.registry.length).toBeGreaterThan(0);
    expect(entry.monitor.length).toBeGreaterThan(0);
  });

  it("uses snake_case codes, and wire codes that are codes themselves", () => {
    for (const [code, entry] of entries) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      const wireCode = (entry as { wireCode?: string }).wireCode;
      if (wireCode !== undefined) {
        expect(Object.keys(ERROR_CATALOG)).toContain(wireCode);
        expect(ERROR_CATALOG[wireCode as ErrorCode].status).toBe(entry.status);
      }
    }
  });

  it("tells a client without the Bearer prefix how to send the key", () => {
    expect(ERROR_CATALOG.bearer_required.status).toBe(401);
    expect(ERROR_CATALOG.bearer_required.wireCode).toBe("unauthorized");
    expect(ERROR_CATALOG.bearer_required.registry).toContain("Bearer");
    expect(ERROR_CATALOG.bearer_required.monitor).toContain("Bearer");
  });
});
