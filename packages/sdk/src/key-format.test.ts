import { describe, expect, it } from "vitest";
import { generateApiKey } from "../../server/src/keys/index.js";
import { describeKeyProblem, isWellFormedKey, keyHint } from "./key-format.js";

const VECTOR = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";

describe("isWellFormedKey", () => {
  it("accepts the format's test vector", () => {
    expect(isWellFormedKey(VECTOR)).toBe(true);
  });

  it("accepts every live and test key the server generates", () => {
    for (let i = 0; i < 200; i++) {
      expect(isWellFormedKey(generateApiKey(i % 2 === 0 ? "live" : "test"))).toBe(true);
    }
  });

  it.each([
    ["a wrong checksum", `${VECTOR.slice(0, -1)}D`],
    ["a changed random character", `sk_live_X${VECTOR.slice(9)}`],
    ["a missing character", VECTOR.slice(0, -1)],
    ["an extra character", `${VECTOR}0`],
    ["another prefix", VECTOR.replace("sk_live_", "pk_live_")],
    ["an upper-case prefix", VECTOR.replace("sk_live_", "SK_LIVE_")],
    ["the live body under the test prefix", VECTOR.replace("sk_live_", "sk_test_")],
    ["a character outside base62", `${VECTOR.slice(0, 20)}-${VECTOR.slice(21)}`],
    ["a non-ASCII character", `${VECTOR.slice(0, 20)}é${VECTOR.slice(21)}`],
    ["surrounding whitespace", ` ${VECTOR}`],
    ["the empty string", ""],
  ])("rejects %s", (_label, candidate) => {
    expect(isWellFormedKey(candidate)).toBe(false);
  });
});

describe("describeKeyProblem", () => {
  it("says what is wrong without quoting the key", () => {
    const candidate = `${VECTOR.slice(0, -1)}D`;
    const problem = describeKeyProblem(candidate);
    expect(problem).toMatch(/checksum/);
    expect(problem).not.toContain(candidate.slice(8));
  });

  it("names the length when a key was cut off", () => {
    expect(describeKeyProblem(VECTOR.slice(0, 30))).toBe("it has 30 characters; Keyward keys have 50");
  });
});

describe("keyHint", () => {
  it("shows the prefix, four characters and the last four, like the dashboard", () => {
    expect(keyHint(VECTOR)).toBe("sk_live_KWca…eqyC");
  });
});
