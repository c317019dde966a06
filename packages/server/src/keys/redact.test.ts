import { describe, expect, it } from "vitest";
import { generateApiKey } from "./generate.js";
import { redactKeys } from "./redact.js";

describe("redactKeys", () => {
  it("hides whole and partial keys, keeping the environment", () => {
    const live = generateApiKey("live");
    const test = generateApiKey("test");
    expect(redactKeys(`/v1/health?key=${live}&other=${test}`)).toBe("/v1/health?key=sk_live_…&other=sk_test_…");
    expect(redactKeys(`/v1/keys/${live.slice(0, 20)}`)).toBe("/v1/keys/sk_live_…");
  });

  it("leaves text without keys alone", () => {
    expect(redactKeys("/v1/keys/key_3kTMd0Cq1l8SzU9bV2xw7a?limit=2")).toBe("/v1/keys/key_3kTMd0Cq1l8SzU9bV2xw7a?limit=2");
    expect(redactKeys("")).toBe("");
  });
});

describe("redactKeys applied twice", () => {
  it("leaves already-redacted text as it is", () => {
    const once = redactKeys("key sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC here");
    expect(redactKeys(once)).toBe(once);
    expect(once).toBe("key sk_live_… here");
  });
});
