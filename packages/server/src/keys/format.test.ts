import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET } from "./base62.js";
import { computeChecksum } from "./checksum.js";
import { findKeysInText, isWellFormedKey, KEY_LENGTH, parseKeyEnvironment } from "./format.js";
import { generateApiKey } from "./generate.js";

const EXAMPLE = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";

/** A key-shaped string with a correct checksum for any prefix and body. */
function withChecksum(body: string): string {
  return body + computeChecksum(body);
}

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe("parseKeyEnvironment", () => {
  it("accepts the DESIGN.md example as a live key", () => {
    expect(EXAMPLE).toHaveLength(KEY_LENGTH);
    expect(KEY_LENGTH).toBe(50);
    expect(parseKeyEnvironment(EXAMPLE)).toBe("live");
    expect(isWellFormedKey(EXAMPLE)).toBe(true);
  });

  it("tells a test key from a live key", () => {
    expect(parseKeyEnvironment(withChecksum("sk_test_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC9"))).toBe("test");
  });

  it("rejects the example with any one character changed, at every position", () => {
    for (let i = 0; i < EXAMPLE.length; i++) {
      for (const char of ["0", "a", "Z", "_"]) {
        if (EXAMPLE[i] === char) continue;
        expect(parseKeyEnvironment(replaceAt(EXAMPLE, i, char)), `position ${i} → ${char}`).toBeNull();
      }
    }
  });

  it("rejects the example with two neighbouring characters swapped", () => {
    for (let i = 8; i < EXAMPLE.length - 1; i++) {
      if (EXAMPLE[i] === EXAMPLE[i + 1]) continue;
      const swapped = EXAMPLE.slice(0, i) + EXAMPLE[i + 1] + EXAMPLE[i] + EXAMPLE.slice(i + 2);
      expect(parseKeyEnvironment(swapped), `swap at ${i}`).toBeNull();
    }
  });

  it("rejects a truncated or extended key", () => {
    expect(parseKeyEnvironment(EXAMPLE.slice(0, -1))).toBeNull();
    expect(parseKeyEnvironment(EXAMPLE.slice(1))).toBeNull();
    expect(parseKeyEnvironment(`${EXAMPLE}0`)).toBeNull();
    expect(parseKeyEnvironment("")).toBeNull();
    expect(parseKeyEnvironment("sk_live_")).toBeNull();
  });

  it.each(["sk_prod_", "pk_live_", "SK_LIVE_", "sk-live-", "rk_test_", "sk_tset_"])(
    "rejects the prefix %s even with a checksum computed over it",
    (prefix) => {
      expect(parseKeyEnvironment(withChecksum(`${prefix}KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC9`))).toBeNull();
    },
  );

  it("rejects characters outside base62 even when the checksum matches them", () => {
    expect(parseKeyEnvironment(withChecksum("sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC-"))).toBeNull();
    expect(parseKeyEnvironment(withChecksum("sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CCé"))).toBeNull();
  });

  it("rejects a checksum whose letters changed case", () => {
    expect(parseKeyEnvironment(EXAMPLE.slice(0, -6) + "0MEQYC")).toBeNull();
  });

  it("accepts every key the generator makes", () => {
    for (let i = 0; i < 1_000; i++) expect(isWellFormedKey(generateApiKey(i % 2 ? "live" : "test"))).toBe(true);
  });
});

describe("findKeysInText", () => {
  it("finds real keys in a file, in order, wherever they sit on a line", () => {
    const test = generateApiKey("test");
    const text = `KEYWARD_API_KEY=${EXAMPLE}\nconst key = "${test}";\n(${EXAMPLE})`;
    expect(findKeysInText(text)).toEqual([EXAMPLE, test, EXAMPLE]);
  });

  it("finds nothing in text without keys", () => {
    expect(findKeysInText("")).toEqual([]);
    expect(findKeysInText("sk_live_ and sk_test_ are the prefixes; " + BASE62_ALPHABET)).toEqual([]);
  });

  it("reports no look-alikes: wrong checksum, wrong length, wrong prefix, glued to more characters", () => {
    const lookAlikes = [
      replaceAt(EXAMPLE, 20, "x"),
      EXAMPLE.slice(0, -1),
      `${EXAMPLE}A`,
      `${EXAMPLE}${EXAMPLE}`,
      `x${EXAMPLE}`,
      `9${EXAMPLE}`,
      EXAMPLE.replace("sk_live_", "sk_prod_"),
      EXAMPLE.replace("sk_live_", "pk_live_").slice(0, 49) + "Z",
      "sk_live_" + "x".repeat(42),
      "sk_test_" + "0".repeat(42),
    ];
    expect(findKeysInText(lookAlikes.join("\n"))).toEqual([]);
  });

  it("reports no look-alikes among thousands of keys with one character changed", () => {
    // CRC-32 catches every change within 32 bits, so each of these must be refused.
    const lines = Array.from({ length: 2_000 }, (_, i) => {
      const key = generateApiKey("live");
      const index = 8 + (i % 42);
      return replaceAt(key, index, key[index] === "A" ? "B" : "A");
    });
    expect(findKeysInText(lines.join(" "))).toEqual([]);
  });
});
