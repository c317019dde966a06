import { describe, expect, it } from "vitest";
import { parseDurationSeconds } from "./duration.js";

describe("parseDurationSeconds", () => {
  it.each([
    ["45s", 45],
    ["90m", 5_400],
    ["24h", 86_400],
    ["30d", 2_592_000],
    ["2w", 1_209_600],
    ["0s", 0],
    ["1H", 3_600],
    [" 12 h ", 43_200],
    ["007d", 604_800],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(["", "h", "10", "1y", "1ms", "-1d", "+1d", "1.5h", "1e3s", "1d2h", "one day", "0x10s", "1234567890s"])(
    "returns null for %j rather than guessing",
    (text) => {
      expect(parseDurationSeconds(text)).toBeNull();
    },
  );

  it("reads the largest accepted number of weeks without losing precision", () => {
    expect(parseDurationSeconds("999999999w")).toBe(999_999_999 * 604_800);
  });
});
