import type { Actor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { managesMembers, type Role } from "./roles.js";

/** A change to one person's membership of one workspace. */
export type MembershipChange = { kind: "add"; role: Role } | { kind: "remove" } | { kind: "set_role"; role: Role };

/** What the rules need to know, read inside the transaction that applies the change. */
export interface MembershipFacts {
  actor: Actor;
  /** The actor's role in the workspace when the actor is a user, else null. */
  actorRole: Role | null;
  targetUserId: string;
  /** The target's current role, null when not a member. */
  targetRole: Role | null;
  ownerCount: number;
}

function forbidden(message: string): ApiError {
  return new ApiError("forbidden", { message: `Insufficient permissions: ${message}` });
}

/**
 * Whether an actor may give someone a role or change an existing member; throws `forbidden`.
 * The CLI and the system act for the installation admin and may do anything; keys never
 * manage people; a user must be owner or admin, and an admin can neither make owners nor
 * change them.
 */
export function assertMayManage(actor: Actor, actorRole: Role | null, targetRole: Role | null, newRole: Role | null): void {
  if (actor.type === "cli" || actor.type === "system") return;
  if (actor.type === "key") throw forbidden("API keys cannot manage members");
  if (!managesMembers(actorRole)) throw forbidden("only owners and admins manage members");
  if (actorRole === "admin") {
    if (targetRole === "owner") throw forbidden("only owners can change an owner");
    if (newRole === "owner") throw forbidden("only owners can make someone an owner");
  }
}

/**
 * Decides a membership change, writing nothing: throws the ApiError that refuses it, or
 * returns whether anything changes (`false` for a role set to what it already is).
 *
 * @example
 * decideMembershipChange({ actor: CLI_ACTOR, actorRole: null, targetUserId, targetRole: "owner", ownerCount: 1 }, { kind: "remove" });
 * // throws conflict: a workspace keeps at least one owner
 */
export function decideMembershipChange(facts: MembershipFacts, change: MembershipChange): boolean {
  const { actor, actorRole, targetRole } = facts;
  if (change.kind === "add") {
    if (targetRole !== null) throw new ApiError("conflict", { message: "The user is already a member of this workspace" });
    assertMayManage(actor, actorRole, null, change.role);
    return true;
  }
  if (targetRole === null) throw new ApiError("not_found", { message: "The user is not a member of this workspace" });
  // Anyone may leave a workspace; changing someone else takes a manager.
  const leaving = change.kind === "remove" && actor.type === "user" && actor.id === facts.targetUserId;
  if (!leaving) assertMayManage(actor, actorRole, targetRole, change.kind === "set_role" ? change.role : null);
  if (change.kind === "set_role" && change.role === targetRole) return false;
  const losesOwner = targetRole === "owner" && (change.kind === "remove" || change.role !== "owner");
  if (losesOwner && facts.ownerCount <= 1) {
    throw new ApiError("conflict", {
      message: "A workspace keeps at least one owner: make another member owner first",
    });
  }
  return true;
}
