import { Value } from "typebox/value";
import { describe, expect, it } from "vitest";
import { keyFixture } from "../test-support/key-fixtures.js";
import { CreateKeyBody, KeySchema, RotateKeyBody, UpdateKeyBody } from "./key-schemas.js";
import { MAX_GRACE_SECONDS } from "./key-service.js";
import { presentKey } from "./present-key.js";

describe("key schemas", () => {
  it("describe what presentKey answers", () => {
    expect(Value.Check(KeySchema, presentKey(keyFixture({ expiresAt: 5, revokedAt: 6 }).record))).toBe(true);
  });

  it("accept a minimal and a full create body, and refuse unknown scopes or fields", () => {
    expect(Value.Check(CreateKeyBody, { name: "CI" })).toBe(true);
    expect(Value.Check(CreateKeyBody, { name: "CI", environment: "test", scopes: ["keys:read"], expiresAt: null })).toBe(true);
    expect(Value.Check(CreateKeyBody, { name: "CI", scopes: ["admin"] })).toBe(false);
    expect(Value.Check(CreateKeyBody, { name: "CI", scopes: ["keys:read", "keys:read"] })).toBe(false);
    expect(Value.Check(CreateKeyBody, { name: "CI", environment: "prod" })).toBe(false);
    expect(Value.Check(CreateKeyBody, { name: "CI", workspaceId: "ws_other" })).toBe(false);
    expect(Value.Check(CreateKeyBody, { name: "" })).toBe(false);
  });

  it("need at least one field to update", () => {
    expect(Value.Check(UpdateKeyBody, {})).toBe(false);
    expect(Value.Check(UpdateKeyBody, { name: "Renamed" })).toBe(true);
    expect(Value.Check(UpdateKeyBody, { expiresAt: null })).toBe(true);
  });

  it("bound the grace period", () => {
    expect(Value.Check(RotateKeyBody, {})).toBe(true);
    expect(Value.Check(RotateKeyBody, { gracePeriodSeconds: MAX_GRACE_SECONDS })).toBe(true);
    expect(Value.Check(RotateKeyBody, { gracePeriodSeconds: MAX_GRACE_SECONDS + 1 })).toBe(false);
    expect(Value.Check(RotateKeyBody, { gracePeriodSeconds: -1 })).toBe(false);
    expect(Value.Check(RotateKeyBody, { gracePeriodSeconds: 1.5 })).toBe(false);
  });
});
