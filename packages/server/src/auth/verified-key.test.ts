import { describe, expect, it } from "vitest";
import { keyFixture } from "../test-support/key-fixtures.js";
import { toVerifiedKey } from "./verified-key.js";

describe("toVerifiedKey", () => {
  it("keeps what the request path needs, with scopes as a set", () => {
    const { record } = keyFixture({ scopes: ["keys:read", "prompts:read"], expiresAt: 5, revokedAt: 6, createdBy: "usr_1" });
    const key = toVerifiedKey(record);
    expect(key).toEqual({
      id: record.id,
      workspaceId: record.workspaceId,
      environment: "live",
      name: record.name,
      scopes: new Set(["keys:read", "prompts:read"]),
      expiresAt: 5,
      revokedAt: 6,
      createdBy: "usr_1",
    });
    expect(key.scopes.has("keys:read")).toBe(true);
  });

  it("carries neither the key hash nor the hint", () => {
    const { record } = keyFixture();
    const text = JSON.stringify(toVerifiedKey(record));
    expect(text).not.toContain(record.keyHash);
    expect(text).not.toContain(record.hint);
  });
});
