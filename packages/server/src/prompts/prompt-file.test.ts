import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { parsePromptFile } from "./prompt-file.js";

describe("parsePromptFile", () => {
  it("takes a file without front matter as all content", () => {
    expect(parsePromptFile("Hello {{name}}!\n")).toEqual({ fields: {}, content: "Hello {{name}}!" });
  });

  it("reads every front matter field", () => {
    const text = [
      "---",
      "title: Welcome",
      "description: Greets a new user",
      "category: onboarding",
      "tags: [onboarding, email]",
      "systemPrompt: |",
      "  You are friendly.",
      "  Keep it short.",
      "critiquePrompt: Was it friendly?",
      "---",
      "",
      "Hello {{name}}!",
      "",
    ].join("\n");
    expect(parsePromptFile(text)).toEqual({
      fields: {
        title: "Welcome",
        description: "Greets a new user",
        category: "onboarding",
        tags: ["onboarding", "email"],
        systemPrompt: "You are friendly.\nKeep it short.",
        critiquePrompt: "Was it friendly?",
      },
      content: "Hello {{name}}!",
    });
  });

  it("accepts snake_case keys and comma-separated tags", () => {
    expect(parsePromptFile("---\nsystem_prompt: Be brief\ntags: a, b\n---\nBody").fields).toEqual({ systemPrompt: "Be brief", tags: ["a", "b"] });
  });

  it("reads Windows line endings", () => {
    expect(parsePromptFile("---\r\ntitle: T\r\n---\r\nBody\r\n")).toEqual({ fields: { title: "T" }, content: "Body" });
  });

  it("accepts empty front matter", () => {
    expect(parsePromptFile("---\n---\nBody")).toEqual({ fields: {}, content: "Body" });
  });

  it("keeps a --- line inside the content", () => {
    expect(parsePromptFile("---\ntitle: T\n---\nPart 1\n---\nPart 2").content).toBe("Part 1\n---\nPart 2");
  });

  it.each([
    ["an unclosed front matter", "---\ntitle: T\nBody"],
    ["an unknown key", "---\ntitel: T\n---\nBody"],
    ["invalid YAML", "---\ntitle: [unclosed\n---\nBody"],
    ["a list as front matter", "---\n- a\n---\nBody"],
    ["a title that is a map", "---\ntitle: { a: 1 }\n---\nBody"],
    ["tags that are a map", "---\ntags: { a: 1 }\n---\nBody"],
    ["no content", "---\ntitle: T\n---\n\n"],
  ])("rejects %s with a validation error naming the file", (_label, text) => {
    expect(() => parsePromptFile(text, "welcome.md")).toThrow(ApiError);
    expect(() => parsePromptFile(text, "welcome.md")).toThrow(/^welcome\.md: /);
  });
});
