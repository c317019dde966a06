import { describe, expect, it } from "vitest";
import { generateApiKey } from "./generate.js";
import { hashApiKey } from "./hash.js";

const EXAMPLE = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";

describe("hashApiKey", () => {
  it("is the SHA-256 of the whole key in lower-case hex", () => {
    // Computed independently: printf '%s' sk_live_KWca… | sha256sum
    expect(hashApiKey(EXAMPLE)).toBe("a5562e289fd56103a4f06bfaec87de52ded5a44a61bcc7018a2c7e3bcade2f61");
  });

  it("is deterministic and 64 hex characters long", () => {
    const key = generateApiKey("test");
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs for keys that differ only in prefix or one character", () => {
    const hashes = new Set([
      hashApiKey(EXAMPLE),
      hashApiKey(EXAMPLE.replace("sk_live_", "sk_test_")),
      hashApiKey(EXAMPLE.slice(0, -1) + "D"),
    ]);
    expect(hashes.size).toBe(3);
  });

  it("never contains the key or its random part", () => {
    const key = generateApiKey("live");
    expect(hashApiKey(key)).not.toContain(key.slice(8, 20));
  });
});
