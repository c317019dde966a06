import { describe, expect, it } from "vitest";
import { SCOPES } from "../auth/index.js";
import { intersectWithRole, isRole, managesMembers, ROLE_SCOPES, ROLES } from "./roles.js";

describe("roles", () => {
  it.each(["owner", "admin", "member"] as const)("lets a %s's keys use every scope", (role) => {
    expect([...ROLE_SCOPES[role]].sort()).toEqual([...SCOPES].sort());
  });

  it("gives viewers read-only scopes and nothing that writes or spends", () => {
    expect([...ROLE_SCOPES.viewer].sort()).toEqual(["keys:read", "prompts:list", "prompts:read", "usage:read"]);
    for (const scope of ["keys:write", "prompts:write", "monitor:run"]) expect(ROLE_SCOPES.viewer.has(scope)).toBe(false);
  });

  it("narrows a viewer's key to the scopes both allow", () => {
    const effective = intersectWithRole(new Set(["keys:read", "keys:write", "monitor:run"]), "viewer");
    expect([...effective]).toEqual(["keys:read"]);
  });

  it("returns the key's own scope set untouched when the role allows everything or there is no creator", () => {
    const scopes = new Set(["keys:write"]);
    expect(intersectWithRole(scopes, "member")).toBe(scopes);
    expect(intersectWithRole(scopes, null)).toBe(scopes);
  });

  it("lets only owners and admins manage members", () => {
    expect(ROLES.filter((role) => managesMembers(role))).toEqual(["owner", "admin"]);
    expect(managesMembers(null)).toBe(false);
  });

  it("recognises exactly the four roles", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole("Owner")).toBe(false);
  });
});
