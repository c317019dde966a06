import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/index.js";
import { coerceCliVariables } from "./coerce-variables.js";
import type { VariableDeclaration } from "./prompt-variables.js";

const declared: VariableDeclaration[] = [
  { name: "name", type: "string", description: null },
  { name: "count", type: "number", description: null },
  { name: "vip", type: "boolean", description: null },
  { name: "items", type: "array", description: null },
  { name: "user", type: "object", description: null },
];

describe("coerceCliVariables", () => {
  it("converts each value to its declared type", () => {
    expect(coerceCliVariables(["name=Ada", "count=3", "vip=true", "items=[1,2]", 'user={"a":1}'], declared)).toEqual({
      name: "Ada",
      count: 3,
      vip: true,
      items: [1, 2],
      user: { a: 1 },
    });
  });

  it("keeps everything after the first = as the value", () => {
    expect(coerceCliVariables(["name=a=b"], declared)).toEqual({ name: "a=b" });
  });

  it("keeps a number-looking value a string when declared a string", () => {
    expect(coerceCliVariables(["name=42"], declared)).toEqual({ name: "42" });
  });

  it("leaves values that do not convert as strings, for validation to name", () => {
    expect(coerceCliVariables(["count=three", "vip=yes", "items=[", "count2="], declared)).toEqual({
      count: "three",
      vip: "yes",
      items: "[",
      count2: "",
    });
  });

  it("does not turn an empty value into the number 0", () => {
    expect(coerceCliVariables(["count="], declared)).toEqual({ count: "" });
  });

  it.each(["novalue", "=x"])("rejects %j", (pair) => {
    expect(() => coerceCliVariables([pair], declared)).toThrow(ApiError);
  });
});
