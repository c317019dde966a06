import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, MAX_DELAY_MS, backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from "./retry.js";

describe("backoffDelayMs", () => {
  it("draws from zero up to a ceiling that doubles with each attempt (full jitter)", () => {
    expect(backoffDelayMs(0, () => 0)).toBe(0);
    expect(backoffDelayMs(0, () => 0.999999)).toBe(BASE_DELAY_MS - 1);
    expect(backoffDelayMs(1, () => 0.999999)).toBe(2 * BASE_DELAY_MS - 1);
    expect(backoffDelayMs(2, () => 0.5)).toBe(2 * BASE_DELAY_MS);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(backoffDelayMs(30, () => 0.999999)).toBeLessThan(MAX_DELAY_MS);
  });
});

describe("parseRetryAfterMs", () => {
  it.each([
    ["2", 2000],
    ["0", 0],
    [" 1.5 ", 1500],
  ])("reads %j seconds", (header, expected) => {
    expect(parseRetryAfterMs(header)).toBe(expected);
  });

  it("reads an HTTP date as the time left until it", () => {
    const now = Date.parse("2024-01-15T10:30:00Z");
    expect(parseRetryAfterMs("Mon, 15 Jan 2024 10:30:30 GMT", now)).toBe(30_000);
  });

  it("reads a date in the past as no wait", () => {
    expect(parseRetryAfterMs("Mon, 15 Jan 2024 10:30:30 GMT", Date.parse("2025-01-01T00:00:00Z"))).toBe(0);
  });

  it.each([null, "soon", "-3"])("gives null for %j", (header) => {
    expect(parseRetryAfterMs(header)).toBeNull();
  });
});

describe("isRetryableStatus", () => {
  it.each([429, 502, 503])("retries %i for any request: the server did not do the work", (status) => {
    expect(isRetryableStatus(status, false)).toBe(true);
    expect(isRetryableStatus(status, true)).toBe(true);
  });

  it.each([500, 504])("retries %i only for requests that are safe to repeat", (status) => {
    expect(isRetryableStatus(status, true)).toBe(true);
    expect(isRetryableStatus(status, false)).toBe(false);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])("never retries %i", (status) => {
    expect(isRetryableStatus(status, true)).toBe(false);
  });
});
