import { describe, expect, it } from "vitest";
import { generateApiKey } from "./generate.js";
import { keyHint } from "./hint.js";

describe("keyHint", () => {
  it("shows the DESIGN.md example as sk_live_KWca…eqyC", () => {
    expect(keyHint("sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC")).toBe("sk_live_KWca…eqyC");
  });

  it("keeps the prefix, so the environment shows", () => {
    expect(keyHint(generateApiKey("test")).startsWith("sk_test_")).toBe(true);
  });

  it("reveals only 4 random characters and 4 of the checksum", () => {
    const key = generateApiKey("live");
    const hint = keyHint(key);
    expect(hint).toHaveLength(17);
    expect(hint).toBe(`${key.slice(0, 12)}…${key.slice(46)}`);
    // The 32 random characters in the middle never show.
    expect(hint).not.toContain(key.slice(12, 16));
  });
});
