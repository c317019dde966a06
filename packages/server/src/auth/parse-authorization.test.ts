import { describe, expect, it } from "vitest";
import { parseAuthorization } from "./parse-authorization.js";

const KEY = "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC";

describe("parseAuthorization", () => {
  it.each([
    `Bearer ${KEY}`,
    `bearer ${KEY}`,
    `BEARER ${KEY}`,
    `bEaReR ${KEY}`,
    `Bearer    ${KEY}`,
    `Bearer\t${KEY}`,
    `Bearer \t ${KEY}`,
    `  Bearer ${KEY}  `,
    `\tBearer ${KEY}\t`,
  ])("reads the token from %j (scheme case-insensitive, spaces and tabs around it)", (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: "token", token: KEY });
  });

  it.each([undefined, "", "   ", "\t"])("reports %j as missing", (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: "missing" });
  });

  it.each([
    KEY,
    `Basic ${Buffer.from(`${KEY}:`).toString("base64")}`,
    `Token ${KEY}`,
    `Bearer:${KEY}`,
    `Bearer${KEY}`,
    `Bearer-${KEY}`,
    `Bearers ${KEY}`,
    `X-Bearer ${KEY}`,
    "Bearer",
    "Bear",
  ])("reports %j as a bad scheme, so the answer can say to use Bearer", (header) => {
    expect(parseAuthorization(header)).toEqual({ kind: "bad_scheme" });
  });

  it("returns an empty token for a scheme with only spaces after it", () => {
    // The header is trimmed first, so this is just the word: a bad scheme, never a crash.
    expect(parseAuthorization("Bearer    ")).toEqual({ kind: "bad_scheme" });
  });

  it("keeps whatever follows the scheme as the token, for the format check to judge", () => {
    expect(parseAuthorization("Bearer a b")).toEqual({ kind: "token", token: "a b" });
    expect(parseAuthorization("Bearer x")).toEqual({ kind: "token", token: "x" });
  });
});
