import { describe, expect, it } from "vitest";
import { parseVariables } from "./prompt-variables.js";

describe("parseVariables", () => {
  it("reads a bare {{name}} as a string", () => {
    expect(parseVariables("Hi {{name}}")).toEqual({ ok: true, variables: [{ name: "name", type: "string", description: null }] });
  });

  it.each(["string", "number", "boolean", "array", "object"])("reads the %s type", (type) => {
    expect(parseVariables(`{{value:${type}}}`)).toEqual({ ok: true, variables: [{ name: "value", type, description: null }] });
  });

  it("reads a description after //", () => {
    expect(parseVariables("{{count:number // how many unread messages}}")).toEqual({
      ok: true,
      variables: [{ name: "count", type: "number", description: "how many unread messages" }],
    });
  });

  it("allows spaces around every part", () => {
    expect(parseVariables("{{  count : number  //  unread  }}")).toEqual({
      ok: true,
      variables: [{ name: "count", type: "number", description: "unread" }],
    });
  });

  it("accepts a description without a type", () => {
    expect(parseVariables("{{name // the user's first name}}")).toEqual({
      ok: true,
      variables: [{ name: "name", type: "string", description: "the user's first name" }],
    });
  });

  it("accepts a type written in capitals", () => {
    expect(parseVariables("{{n:Number}}")).toEqual({ ok: true, variables: [{ name: "n", type: "number", description: null }] });
  });

  it("lists each variable once, in order of first appearance", () => {
    const parsed = parseVariables("{{b}} {{a}} {{b}}");
    expect(parsed.ok && parsed.variables.map((v) => v.name)).toEqual(["b", "a"]);
  });

  it("takes the type from the explicit declaration when a bare mention comes first", () => {
    expect(parseVariables("{{count}} then {{count:number}}")).toEqual({
      ok: true,
      variables: [{ name: "count", type: "number", description: null }],
    });
  });

  it("keeps the first description it meets", () => {
    const parsed = parseVariables("{{n:number}} {{n:number // first}} {{n:number // second}}");
    expect(parsed.ok && parsed.variables[0]?.description).toBe("first");
  });

  it("reports an unknown type", () => {
    const parsed = parseVariables("{{count:nubmer}}");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toContain('unknown type "nubmer"');
  });

  it("reports a variable declared with two types", () => {
    const parsed = parseVariables("{{n:number}} {{n:boolean}}");
    expect(parsed).toEqual({ ok: false, problems: ['variable "n" is declared as both number and boolean'] });
  });

  it("leaves other double-brace text alone", () => {
    expect(parseVariables("{{#each items}} {{ two words }} {{1abc}} {}")).toEqual({ ok: true, variables: [] });
  });

  it("finds nothing in content without placeholders", () => {
    expect(parseVariables("Plain text")).toEqual({ ok: true, variables: [] });
  });
});
