import { describe, expect, it } from "vitest";
import { keyFixture } from "../test-support/key-fixtures.js";
import { keyStatus, presentKey } from "./present-key.js";

describe("keyStatus", () => {
  it.each([
    [{}, 1_000, "active"],
    [{ revokedAt: 1_000 }, 1_000, "revoked"],
    [{ revokedAt: 2_000 }, 1_000, "active"],
    [{ expiresAt: 1_000 }, 1_000, "expired"],
    [{ expiresAt: 2_000 }, 1_000, "active"],
    [{ revokedAt: 500, expiresAt: 900 }, 1_000, "revoked"],
  ])("calls a key with %j at %i %s", (overrides, now, status) => {
    expect(keyStatus(keyFixture(overrides).record, now)).toBe(status);
  });
});

describe("presentKey", () => {
  it("shows times as ISO strings and every field the API documents", () => {
    const { record } = keyFixture({ createdAt: Date.UTC(2024, 0, 15, 10, 30), expiresAt: Date.UTC(2024, 1, 1), lastUsedAt: null });
    expect(presentKey(record, Date.UTC(2024, 0, 20))).toEqual({
      id: record.id,
      name: record.name,
      workspaceId: record.workspaceId,
      environment: "live",
      scopes: record.scopes,
      hint: record.hint,
      status: "active",
      createdAt: "2024-01-15T10:30:00.000Z",
      createdBy: null,
      lastUsedAt: null,
      expiresAt: "2024-02-01T00:00:00.000Z",
      revokedAt: null,
      replacesKeyId: null,
      replacedByKeyId: null,
    });
  });

  it("never includes the secret or its hash", () => {
    const { record, secret } = keyFixture();
    const text = JSON.stringify(presentKey(record));
    expect(text).not.toContain(secret);
    expect(text).not.toContain(record.keyHash);
  });
});
