import { describe, expect, it } from "vitest";
import { KEY_NAME_MAX_LENGTH, validateKeyName } from "./key-names.js";

describe("validateKeyName", () => {
  it("trims and keeps a good name, Unicode included", () => {
    expect(validateKeyName("  Production Server ")).toBe("Production Server");
    expect(validateKeyName("Serveur de déploiement 🚀")).toBe("Serveur de déploiement 🚀");
    expect(validateKeyName("x".repeat(KEY_NAME_MAX_LENGTH))).toHaveLength(KEY_NAME_MAX_LENGTH);
  });

  it.each([
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    ["x".repeat(KEY_NAME_MAX_LENGTH + 1), "must be at most 100 characters"],
    ["line\nbreak", "must not contain control characters"],
    ["bell\u0007", "must not contain control characters"],
    ["del\u007f", "must not contain control characters"],
  ])("refuses %j: %s", (name, problem) => {
    expect(() => validateKeyName(name)).toThrow(
      expect.objectContaining({ code: "validation_error", details: [{ field: "name", message: problem }] }),
    );
  });

  it("names the field it was given", () => {
    expect(() => validateKeyName("", "newName")).toThrow(expect.objectContaining({ details: [{ field: "newName", message: "must not be empty" }] }));
  });
});
