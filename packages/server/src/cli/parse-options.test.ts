import { describe, expect, it } from "vitest";
import { UsageError } from "./cli-errors.js";
import { parseDurationOption, parseScopeList } from "./parse-options.js";

describe("parseScopeList", () => {
  it("reads a comma-separated list, ignoring spaces and empty entries", () => {
    expect(parseScopeList("prompts:read, keys:write,,")).toEqual(["prompts:read", "keys:write"]);
  });

  it.each([["admin"], ["prompts:read,keys:*"], [","], [""]])("refuses %j as a usage error", (raw) => {
    expect(() => parseScopeList(raw)).toThrow(UsageError);
  });
});

describe("parseDurationOption", () => {
  it("reads a duration in seconds", () => {
    expect(parseDurationOption("24h", "--grace")).toBe(86_400);
  });

  it("names the option and the value it refused", () => {
    expect(() => parseDurationOption("tomorrow", "--grace")).toThrow(new UsageError('--grace takes a duration such as 30d, 24h, 90m or 45s, got "tomorrow"'));
  });
});
