import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { normalizeEmail } from "./email.js";

describe("normalizeEmail", () => {
  it("trims and lower-cases an address", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });

  it.each(["", "ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com", "a@b@example.com", "ada@exa\u0000mple.com"])(
    "refuses %j with a validation_error naming the field",
    (raw) => {
      expect(() => normalizeEmail(raw)).toThrow(ApiError);
      try {
        normalizeEmail(raw);
      } catch (error) {
        expect((error as ApiError).code).toBe("validation_error");
        expect((error as ApiError).details).toEqual([{ field: "email", message: "is not an email address" }]);
      }
    },
  );

  it("refuses an address longer than 254 characters", () => {
    expect(() => normalizeEmail(`${"a".repeat(250)}@example.com`)).toThrow(/email address/);
  });
});
