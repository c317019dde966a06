import { describe, expect, it } from "vitest";
import { CLI_ACTOR, keyActor, SYSTEM_ACTOR, userActor } from "../audit/index.js";
import type { ApiError } from "../errors/index.js";
import { decideMembershipChange, type MembershipChange, type MembershipFacts } from "./membership-rules.js";
import type { Role } from "./roles.js";

const ME = "usr_me";
const THEM = "usr_them";

function facts(actorRole: Role | null, targetRole: Role | null, ownerCount = 2, actor = userActor(ME)): MembershipFacts {
  return { actor, actorRole, targetUserId: THEM, targetRole, ownerCount };
}

function refusal(f: MembershipFacts, change: MembershipChange): { code: string; message: string } | null {
  try {
    decideMembershipChange(f, change);
    return null;
  } catch (error) {
    return { code: (error as ApiError).code, message: (error as ApiError).message };
  }
}

describe("decideMembershipChange", () => {
  it("lets owners and admins add members", () => {
    expect(decideMembershipChange(facts("owner", null), { kind: "add", role: "admin" })).toBe(true);
    expect(decideMembershipChange(facts("admin", null), { kind: "add", role: "member" })).toBe(true);
  });

  it.each(["member", "viewer", null] as const)("refuses a %s who tries to manage members", (role) => {
    expect(refusal(facts(role, null), { kind: "add", role: "viewer" })?.code).toBe("forbidden");
    expect(refusal(facts(role, "viewer"), { kind: "set_role", role: "member" })?.code).toBe("forbidden");
    expect(refusal(facts(role, "viewer"), { kind: "remove" })?.code).toBe("forbidden");
  });

  it("refuses an admin who promotes to owner or touches an owner", () => {
    expect(refusal(facts("admin", null), { kind: "add", role: "owner" })?.message).toMatch(/only owners can make/);
    expect(refusal(facts("admin", "member"), { kind: "set_role", role: "owner" })?.message).toMatch(/only owners can make/);
    expect(refusal(facts("admin", "owner"), { kind: "set_role", role: "member" })?.message).toMatch(/only owners can change an owner/);
    expect(refusal(facts("admin", "owner"), { kind: "remove" })?.code).toBe("forbidden");
  });

  it("keeps at least one owner", () => {
    const last = refusal(facts("owner", "owner", 1), { kind: "remove" });
    expect(last).toEqual({ code: "conflict", message: "A workspace keeps at least one owner: make another member owner first" });
    expect(refusal(facts("owner", "owner", 1), { kind: "set_role", role: "admin" })?.code).toBe("conflict");
    expect(refusal(facts(null, "owner", 1, CLI_ACTOR), { kind: "remove" })?.code).toBe("conflict");
    expect(decideMembershipChange(facts("owner", "owner", 2), { kind: "set_role", role: "admin" })).toBe(true);
  });

  it("lets anyone leave, except the last owner", () => {
    const leaving = { ...facts("viewer", "viewer", 1), targetUserId: ME };
    expect(decideMembershipChange(leaving, { kind: "remove" })).toBe(true);
    const lastOwnerLeaving = { ...facts("owner", "owner", 1), targetUserId: ME };
    expect(refusal(lastOwnerLeaving, { kind: "remove" })?.code).toBe("conflict");
  });

  it("lets the CLI and the system do anything the owner rule allows", () => {
    for (const actor of [CLI_ACTOR, SYSTEM_ACTOR]) {
      expect(decideMembershipChange(facts(null, null, 0, actor), { kind: "add", role: "owner" })).toBe(true);
      expect(decideMembershipChange(facts(null, "owner", 2, actor), { kind: "remove" })).toBe(true);
    }
  });

  it("never lets a key manage members", () => {
    expect(refusal(facts(null, null, 1, keyActor("key_x")), { kind: "add", role: "viewer" })?.message).toMatch(/API keys cannot/);
  });

  it("answers conflict for an existing member and not_found for a stranger", () => {
    expect(refusal(facts("owner", "viewer"), { kind: "add", role: "member" })?.code).toBe("conflict");
    expect(refusal(facts("owner", null), { kind: "remove" })?.code).toBe("not_found");
    expect(refusal(facts("owner", null), { kind: "set_role", role: "viewer" })?.code).toBe("not_found");
  });

  it("reports a role set to what it already is as no change", () => {
    expect(decideMembershipChange(facts("owner", "viewer"), { kind: "set_role", role: "viewer" })).toBe(false);
  });
});
