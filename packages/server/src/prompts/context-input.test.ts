import { describe, expect, it } from "vitest";
import { apiErrorDetails } from "../test-support/api-error-details.js";
import { decodeBase64Content, MAX_CONTEXT_FILE_BYTES, normalizeContextItem } from "./context-input.js";

function fields(run: () => unknown): string[] {
  return apiErrorDetails(run).map((problem) => problem.field);
}

describe("normalizeContextItem", () => {
  it("labels a url item with its url by default", () => {
    expect(normalizeContextItem({ type: "url", url: "https://acme.dev/style" })).toEqual({
      type: "url",
      label: "https://acme.dev/style",
      url: "https://acme.dev/style",
    });
  });

  it.each(["javascript:alert(1)", "ftp://acme.dev/a", "not a url", "file:///etc/passwd"])("rejects the url %j", (url) => {
    expect(fields(() => normalizeContextItem({ type: "url", url }))).toEqual(["url"]);
  });

  it("defaults a file's label to its name and its type to octet-stream", () => {
    expect(normalizeContextItem({ type: "file", fileName: "guide.pdf", bytes: Buffer.from("x") })).toMatchObject({
      label: "guide.pdf",
      mimeType: "application/octet-stream",
    });
  });

  it("lower-cases the MIME type", () => {
    expect(normalizeContextItem({ type: "file", fileName: "a.txt", mimeType: "Text/Plain", bytes: Buffer.from("x") })).toMatchObject({ mimeType: "text/plain" });
  });

  it.each(["text/html\r\nSet-Cookie: a=b", "text/plain; charset=utf-8", "text", ""])("rejects the MIME type %j", (mimeType) => {
    expect(fields(() => normalizeContextItem({ type: "file", fileName: "a.txt", mimeType, bytes: Buffer.from("x") }))).toContain("mimeType");
  });

  it.each(["../etc/passwd", "dir\\file.txt", "a\nb.txt", ""])("rejects the file name %j", (fileName) => {
    expect(fields(() => normalizeContextItem({ type: "file", fileName, bytes: Buffer.from("x") }))).toContain("fileName");
  });

  it("rejects an empty file", () => {
    expect(fields(() => normalizeContextItem({ type: "file", fileName: "a.txt", bytes: Buffer.alloc(0) }))).toEqual(["contentBase64"]);
  });
});

describe("decodeBase64Content", () => {
  it("decodes standard base64", () => {
    expect(decodeBase64Content(Buffer.from("hello").toString("base64")).toString()).toBe("hello");
  });

  it.each(["aGVsbG8", "aGVs bG8=", "aGVsbG8_", "!!!!"])("rejects %j", (raw) => {
    expect(fields(() => decodeBase64Content(raw))).toEqual(["contentBase64"]);
  });

  it("accepts exactly 5 MB", () => {
    expect(decodeBase64Content(Buffer.alloc(MAX_CONTEXT_FILE_BYTES).toString("base64")).length).toBe(MAX_CONTEXT_FILE_BYTES);
  });

  it("rejects one byte more than 5 MB", () => {
    expect(fields(() => decodeBase64Content(Buffer.alloc(MAX_CONTEXT_FILE_BYTES + 1).toString("base64")))).toEqual(["contentBase64"]);
  });
});
