import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { formatPackageName, parsePackageName, requirePackageName, validatePromptSlug } from "./package-name.js";

describe("parsePackageName", () => {
  it("reads workspace, slug and a numbered version", () => {
    expect(parsePackageName("@acme/welcome:v1")).toEqual({ workspaceSlug: "acme", slug: "welcome", version: { kind: "number", number: 1 } });
  });

  it("reads v0 as the draft", () => {
    expect(parsePackageName("@acme/welcome:v0")?.version).toEqual({ kind: "number", number: 0 });
  });

  it("treats a missing version as latest", () => {
    expect(parsePackageName("@acme/welcome")?.version).toEqual({ kind: "latest" });
  });

  it("accepts :latest spelled out", () => {
    expect(parsePackageName("@acme/welcome:latest")?.version).toEqual({ kind: "latest" });
  });

  it("accepts hyphens and digits inside slugs", () => {
    expect(parsePackageName("@acme-2/order-confirmation-email:v12")).toEqual({
      workspaceSlug: "acme-2",
      slug: "order-confirmation-email",
      version: { kind: "number", number: 12 },
    });
  });

  it.each([
    ["no @", "acme/welcome:v1"],
    ["no slug", "@acme:v1"],
    ["empty slug", "@acme/:v1"],
    ["upper case", "@Acme/welcome:v1"],
    ["a version without v", "@acme/welcome:1"],
    ["a leading zero", "@acme/welcome:v01"],
    ["a negative version", "@acme/welcome:v-1"],
    ["an empty version", "@acme/welcome:"],
    ["a trailing slash", "@acme/welcome/"],
    ["a third segment", "@acme/welcome/extra:v1"],
    ["surrounding spaces", " @acme/welcome:v1"],
    ["a leading hyphen", "@acme/-welcome:v1"],
    ["a trailing hyphen", "@acme-/welcome:v1"],
    ["an absurd version", "@acme/welcome:v12345678901"],
    ["an uppercase LATEST", "@acme/welcome:LATEST"],
    ["nothing at all", ""],
  ])("rejects %s", (_label, raw) => {
    expect(parsePackageName(raw)).toBeNull();
  });
});

describe("requirePackageName", () => {
  it("answers a validation error naming package_name for a malformed name", () => {
    try {
      requirePackageName("acme/welcome");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("validation_error");
      expect((error as ApiError).details).toEqual([{ field: "package_name", message: expect.stringContaining("@workspace/prompt-slug") }]);
    }
  });
});

describe("formatPackageName", () => {
  it("writes the canonical name of a version", () => {
    expect(formatPackageName("acme", "welcome", 3)).toBe("@acme/welcome:v3");
  });

  it("leaves the version off when none is given", () => {
    expect(formatPackageName("acme", "welcome")).toBe("@acme/welcome");
  });

  it("round-trips through parsePackageName", () => {
    expect(parsePackageName(formatPackageName("acme", "welcome", 0))?.version).toEqual({ kind: "number", number: 0 });
  });
});

describe("validatePromptSlug", () => {
  it("accepts a 64-character slug", () => {
    const slug = "a".repeat(64);
    expect(validatePromptSlug(slug)).toBe(slug);
  });

  it.each(["", "Welcome", "a".repeat(65), "we_lcome", "-welcome", "get", "context"])("rejects %j", (slug) => {
    expect(() => validatePromptSlug(slug)).toThrow(ApiError);
  });
});
