import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isBase62 } from "./base62.js";
import { CHECKSUM_LENGTH, computeChecksum } from "./checksum.js";

describe("computeChecksum", () => {
  it("gives the DESIGN.md example key its checksum 0meqyC", () => {
    expect(computeChecksum("sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC9")).toBe("0meqyC");
  });

  it("is the IEEE CRC-32 of the body written in base62", () => {
    // CRC-32 of "123456789" is the standard check value 0xCBF43926 = 3421780262.
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(computeChecksum("123456789")).toBe("3jZRME");
  });

  it("always has six base62 characters, left-padded with 0", () => {
    for (let i = 0; i < 2_000; i++) {
      const checksum = computeChecksum(`sk_test_${i}`);
      expect(checksum).toHaveLength(CHECKSUM_LENGTH);
      expect(isBase62(checksum)).toBe(true);
    }
    expect(computeChecksum("")).toBe("000000");
  });

  it("changes when any single character of the body changes", () => {
    const body = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC9";
    const original = computeChecksum(body);
    for (let i = 0; i < body.length; i++) {
      const changed = body.slice(0, i) + (body[i] === "x" ? "y" : "x") + body.slice(i + 1);
      expect(computeChecksum(changed)).not.toBe(original);
    }
  });
});
