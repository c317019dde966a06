import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { parseVariables, type VariableDeclaration } from "./prompt-variables.js";
import { findVariableProblems, renderContent } from "./render-prompt.js";

function declared(content: string): VariableDeclaration[] {
  const parsed = parseVariables(content);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return parsed.variables;
}

function render(content: string, values: Record<string, unknown>): string {
  return renderContent(content, declared(content), values);
}

function renderError(content: string, values: Record<string, unknown>): ApiError {
  try {
    render(content, values);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("rendered without an error");
}

describe("renderContent", () => {
  it("substitutes a string", () => {
    expect(render("Hi {{name}}!", { name: "Ada" })).toBe("Hi Ada!");
  });

  it("substitutes every occurrence, whatever spelling each uses", () => {
    expect(render("{{n:number}} and {{ n }} and {{n // again}}", { n: 2 })).toBe("2 and 2 and 2");
  });

  it("renders numbers and booleans as text", () => {
    expect(render("{{n:number}} {{ok:boolean}}", { n: 1.5, ok: false })).toBe("1.5 false");
  });

  it("renders arrays and objects as JSON", () => {
    expect(render("{{items:array}} {{user:object}}", { items: ["a", 1], user: { name: "Ada" } })).toBe('["a",1] {"name":"Ada"}');
  });

  it("ignores values for variables the content does not declare", () => {
    expect(render("Hi {{name}}", { name: "Ada", unused: 42 })).toBe("Hi Ada");
  });

  it("does not expand placeholders inside values", () => {
    expect(render("{{a}} {{b}}", { a: "{{b}}", b: "x" })).toBe("{{b}} x");
  });

  it("keeps $-patterns in values literally", () => {
    expect(render("cost: {{price}}", { price: "$& $1 $$" })).toBe("cost: $& $1 $$");
  });

  it("leaves content without variables as it is", () => {
    expect(render("{{#if}} plain", {})).toBe("{{#if}} plain");
  });

  it("names a missing variable", () => {
    const error = renderError("Hi {{name}}", {});
    expect(error.code).toBe("validation_error");
    expect(error.details).toEqual([{ field: "variables.name", message: "is required (string)" }]);
  });

  it.each([
    ["string", 42, "must be a string"],
    ["number", "42", "must be a number"],
    ["boolean", "true", "must be a boolean"],
    ["array", { 0: "a" }, "must be an array"],
    ["object", ["a"], "must be an object"],
    ["object", null, "must be an object"],
  ])("names a value that is not a %s", (type, value, message) => {
    const error = renderError(`{{v:${type}}}`, { v: value });
    expect(error.details).toEqual([{ field: "variables.v", message }]);
  });

  it("names every problem at once, in declaration order", () => {
    const error = renderError("{{a}} {{b:number}} {{c:boolean}}", { b: "two" });
    expect(error.details?.map((d) => d.field)).toEqual(["variables.a", "variables.b", "variables.c"]);
    expect(error.message).toContain("variables.a is required");
    expect(error.message).toContain("variables.b must be a number");
  });

  it("does not count inherited properties as given", () => {
    expect(findVariableProblems(declared("{{constructor}} {{toString}}"), {})).toHaveLength(2);
  });

  it("rejects non-finite numbers", () => {
    expect(findVariableProblems(declared("{{n:number}}"), { n: Number.POSITIVE_INFINITY })).toEqual([
      { field: "variables.n", message: "must be a number" },
    ]);
  });
});
