import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPES, findUnknownScopes, isScope, normalizeScopes, SCOPES } from "./scopes.js";

describe("scopes", () => {
  it("include every scope the issue names", () => {
    expect(SCOPES).toEqual(
      expect.arrayContaining(["prompts:read", "prompts:list", "prompts:write", "monitor:run", "keys:read", "keys:write", "usage:read"]),
    );
  });

  it("give a key created without scopes everyday use and no management rights", () => {
    expect([...DEFAULT_SCOPES]).toEqual(["prompts:read", "prompts:list", "monitor:run"]);
  });

  it("tell known scopes from unknown ones", () => {
    expect(isScope("keys:read")).toBe(true);
    expect(isScope("keys:*")).toBe(false);
    expect(isScope("KEYS:READ")).toBe(false);
    expect(findUnknownScopes(["keys:read", "admin", "keys:read ", "prompts:read"])).toEqual(["admin", "keys:read "]);
    expect(findUnknownScopes([])).toEqual([]);
  });

  it("normalize to catalog order without duplicates, so equal sets compare equal", () => {
    expect(normalizeScopes(["keys:write", "prompts:read", "keys:write"])).toEqual(["prompts:read", "keys:write"]);
    expect(normalizeScopes(["usage:read", "monitor:run"])).toEqual(normalizeScopes(["monitor:run", "usage:read"]));
    expect(normalizeScopes([])).toEqual([]);
  });
});
