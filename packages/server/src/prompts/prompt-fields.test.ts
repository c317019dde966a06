import { describe, expect, it } from "vitest";
import { apiErrorDetails } from "../test-support/api-error-details.js";
import { normalizePromptFields, sameFields } from "./prompt-fields.js";

describe("normalizePromptFields", () => {
  it("trims the title and fills absent optional fields with null", () => {
    expect(normalizePromptFields({ title: "  Welcome ", content: "Hi {{name}}" })).toEqual({
      title: "Welcome",
      content: "Hi {{name}}",
      systemPrompt: null,
      critiquePrompt: null,
      description: null,
      category: null,
      tags: [],
    });
  });

  it("turns blank optional fields into null", () => {
    const fields = normalizePromptFields({ title: "T", content: "C", description: "   ", category: "" });
    expect(fields.description).toBeNull();
    expect(fields.category).toBeNull();
  });

  it("keeps multi-line text as written", () => {
    expect(normalizePromptFields({ title: "T", content: "C", systemPrompt: "  Line 1\n\tLine 2\n" }).systemPrompt).toBe("  Line 1\n\tLine 2\n");
  });

  it("trims and de-duplicates tags, keeping their order", () => {
    expect(normalizePromptFields({ title: "T", content: "C", tags: [" b ", "a", "b"] }).tags).toEqual(["b", "a"]);
  });

  it("rejects content with an unknown variable type, naming content", () => {
    expect(apiErrorDetails(() => normalizePromptFields({ title: "T", content: "{{n:int}}" }))).toEqual([
      { field: "content", message: expect.stringContaining('unknown type "int"') },
    ]);
  });

  it("names every problem at once", () => {
    const found = apiErrorDetails(() => normalizePromptFields({ title: " ", content: "", tags: ["", "ok"], category: "a\nb" }));
    expect(found.map((p) => p.field).sort()).toEqual(["category", "content", "tags.0", "title"]);
  });

  it("rejects more than 20 tags", () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(apiErrorDetails(() => normalizePromptFields({ title: "T", content: "C", tags }))).toEqual([{ field: "tags", message: expect.any(String) }]);
  });

  it("rejects control characters in content but allows tabs and newlines", () => {
    expect(apiErrorDetails(() => normalizePromptFields({ title: "T", content: "a\u0007b" }))[0]?.field).toBe("content");
    expect(apiErrorDetails(() => normalizePromptFields({ title: "T", content: "a\tb\r\nc" }))).toEqual([]);
  });
});

describe("sameFields", () => {
  const base = normalizePromptFields({ title: "T", content: "C", tags: ["a"] });

  it("is true for equal fields", () => {
    expect(sameFields(base, { ...base, tags: ["a"] })).toBe(true);
  });

  it("is false when tags differ", () => {
    expect(sameFields(base, { ...base, tags: ["b"] })).toBe(false);
  });

  it("is false when one optional field differs", () => {
    expect(sameFields(base, { ...base, category: "x" })).toBe(false);
  });
});
