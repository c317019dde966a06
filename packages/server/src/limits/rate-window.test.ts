import { describe, expect, it } from "vitest";
import { formatRateWindow, normalizeWindows, parseRateWindow } from "./rate-window.js";

describe("parseRateWindow", () => {
  it.each([
    ["100/minute", { limit: 100, seconds: 60 }],
    ["5000/hour", { limit: 5000, seconds: 3600 }],
    ["10/second", { limit: 10, seconds: 1 }],
    ["50000/day", { limit: 50000, seconds: 86400 }],
    ["1,000/minute", { limit: 1000, seconds: 60 }],
    [" 20 / m ", { limit: 20, seconds: 60 }],
    ["7/H", { limit: 7, seconds: 3600 }],
  ])("reads %s", (text, window) => {
    expect(parseRateWindow(text)).toEqual(window);
  });

  it.each(["", "100", "100/fortnight", "0/minute", "-5/minute", "1.5/minute", "minute/100", "2000000000/minute"])(
    "rejects %j",
    (text) => {
      expect(parseRateWindow(text)).toBeNull();
    },
  );
});

describe("formatRateWindow", () => {
  it("writes windows back in the form the parser reads", () => {
    for (const text of ["100/minute", "5000/hour", "3/second", "9/day"]) {
      expect(formatRateWindow(parseRateWindow(text)!)).toBe(text);
    }
  });
});

describe("normalizeWindows", () => {
  it("sorts windows by length and keeps the tighter limit of two of the same length", () => {
    expect(
      normalizeWindows([
        { limit: 5000, seconds: 3600 },
        { limit: 100, seconds: 60 },
        { limit: 80, seconds: 60 },
      ]),
    ).toEqual([
      { limit: 80, seconds: 60 },
      { limit: 5000, seconds: 3600 },
    ]);
  });
});
