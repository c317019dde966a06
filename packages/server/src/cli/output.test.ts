import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { printJson, printLine, printTable } from "./output.js";

describe("CLI output", () => {
  let written: string;
  beforeEach(() => {
    written = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prints one JSON document that parses back", () => {
    printJson({ id: "key_1", scopes: ["keys:read"] });
    expect(JSON.parse(written)).toEqual({ id: "key_1", scopes: ["keys:read"] });
    expect(written.endsWith("\n")).toBe(true);
  });

  it("prints lines", () => {
    printLine("hello");
    printLine();
    expect(written).toBe("hello\n\n");
  });

  it("aligns table columns to the widest cell without trailing spaces", () => {
    printTable(["ID", "NAME"], [["key_1", "Production Server"], ["key_22", "CI"]]);
    expect(written).toBe("ID      NAME\nkey_1   Production Server\nkey_22  CI\n");
  });
});
