import { describe, expect, it } from "vitest";
import { decodePositionCursor, encodePositionCursor } from "./position-cursor.js";

describe("key cursors", () => {
  it("round-trip a position", () => {
    const position = { createdAt: 1_700_000_000_000, id: "key_3kTMd0Cq1l8SzU9bV2xw7a" };
    const cursor = encodePositionCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePositionCursor(cursor)).toEqual(position);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON of the wrong shape", Buffer.from(JSON.stringify({ createdAt: 1, id: "key_x" })).toString("base64url")],
    ["a non-integer time", Buffer.from(JSON.stringify([1.5, "key_x"])).toString("base64url")],
    ["a non-string id", Buffer.from(JSON.stringify([1, 2])).toString("base64url")],
    ["an empty string", ""],
  ])("refuse %s as a validation error on the cursor field", (_what, cursor) => {
    expect(() => decodePositionCursor(cursor)).toThrow(
      expect.objectContaining({ code: "validation_error", details: [{ field: "cursor", message: "is invalid" }] }),
    );
  });
});
