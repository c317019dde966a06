import { describe, expect, it } from "vitest";
import { isBase62 } from "./base62.js";
import { computeChecksum } from "./checksum.js";
import { KEY_LENGTH, parseKeyEnvironment } from "./format.js";
import { generateApiKey } from "./generate.js";

describe("generateApiKey", () => {
  it.each([
    ["live", "sk_live_"],
    ["test", "sk_test_"],
  ] as const)("makes a %s key: %s, 36 random base62 characters and their checksum", (environment, prefix) => {
    const key = generateApiKey(environment);
    expect(key).toHaveLength(KEY_LENGTH);
    expect(key.startsWith(prefix)).toBe(true);
    expect(isBase62(key, 8)).toBe(true);
    expect(key.slice(44)).toBe(computeChecksum(key.slice(0, 44)));
    expect(parseKeyEnvironment(key)).toBe(environment);
  });

  it("never makes the same key twice", () => {
    const keys = new Set(Array.from({ length: 10_000 }, () => generateApiKey("live")));
    expect(keys.size).toBe(10_000);
  });
});
