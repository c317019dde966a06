import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Ascii } from "./crc32.js";

describe("crc32Ascii", () => {
  it("gives the standard check value for 123456789", () => {
    expect(crc32Ascii("123456789")).toBe(0xcbf43926);
  });

  it("gives 0 for the empty string", () => {
    expect(crc32Ascii("")).toBe(0);
  });

  it.each(["a", "sk_live_", "sk_test_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC9", "The quick brown fox jumps over the lazy dog"])(
    "agrees with zlib for %s",
    (text) => {
      expect(crc32Ascii(text)).toBe(crc32(text));
    },
  );
});
