import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, encodeBase62, generateRandomBase62, isBase62 } from "./base62.js";

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: Map<string, number>, categories: readonly string[], total: number): number {
  const expected = total / categories.length;
  let statistic = 0;
  for (const category of categories) {
    const observed = counts.get(category) ?? 0;
    statistic += (observed - expected) ** 2 / expected;
  }
  return statistic;
}

describe("BASE62_ALPHABET", () => {
  it("holds the 62 characters 0-9, A-Z, a-z in that order, each once", () => {
    expect(BASE62_ALPHABET).toHaveLength(62);
    expect(new Set(BASE62_ALPHABET).size).toBe(62);
    expect(BASE62_ALPHABET).toMatch(/^0123456789A[A-Z]+a[a-z]+$/);
  });
});

describe("generateRandomBase62", () => {
  it.each([0, 1, 22, 36, 1000])("returns exactly %i base62 characters", (length) => {
    const text = generateRandomBase62(length);
    expect(text).toHaveLength(length);
    expect(isBase62(text)).toBe(true);
  });

  it("draws characters uniformly (chi-square over about 100k characters)", () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < 2_800; i++) {
      for (const char of generateRandomBase62(36)) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
        total++;
      }
    }
    // 61 degrees of freedom: the statistic averages 61 with a standard deviation of about 11.
    // 200 is more than 12 deviations away (never reached by chance), while a plain `byte % 62`
    // bias (the first 8 characters 25% more likely) scores about 650 at this sample size.
    expect(counts.size).toBe(62);
    expect(chiSquare(counts, [...BASE62_ALPHABET], total)).toBeLessThan(200);
  });

  it("draws every position uniformly too, not only the whole (first character over 20k strings)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const first = generateRandomBase62(4)[0]!;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    expect(chiSquare(counts, [...BASE62_ALPHABET], 20_000)).toBeLessThan(200);
  });

  it("never repeats a 36-character draw", () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => generateRandomBase62(36)));
    expect(seen.size).toBe(10_000);
  });
});

describe("encodeBase62", () => {
  it.each([
    [0, 6, "000000"],
    [9, 1, "9"],
    [10, 1, "A"],
    [61, 1, "z"],
    [62, 1, "10"],
    [62 * 62 - 1, 6, "0000zz"],
    [2 ** 32 - 1, 6, "4gfFC3"],
  ])("writes %i with width %i as %s, most significant digit first", (value, width, expected) => {
    expect(encodeBase62(value, width)).toBe(expected);
  });

  it("never truncates a value wider than the requested width", () => {
    expect(encodeBase62(62 ** 3, 2)).toBe("1000");
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])("rejects %s, which is not a non-negative safe integer", (value) => {
    expect(() => encodeBase62(value, 6)).toThrow(RangeError);
  });
});

describe("isBase62", () => {
  it("accepts the alphabet and the empty string", () => {
    expect(isBase62(BASE62_ALPHABET)).toBe(true);
    expect(isBase62("")).toBe(true);
  });

  it.each(["abc_def", "abc-def", "abc def", "abcé", "abc\u0000", "ａbc", "abc+", "abc/"])(
    "rejects %j, which has a character outside the alphabet",
    (text) => {
      expect(isBase62(text)).toBe(false);
    },
  );

  it("checks only the requested range", () => {
    expect(isBase62("sk_live_abc", 8)).toBe(true);
    expect(isBase62("sk_live_abc", 0, 2)).toBe(true);
    expect(isBase62("sk_live_abc", 0, 3)).toBe(false);
  });
});
