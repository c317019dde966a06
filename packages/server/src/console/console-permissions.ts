import { ROLE_SCOPES, managesMembers, type Role } from "../workspaces/roles.js";

/** What a dashboard user may do in a workspace, as the UI shows it and the routes enforce it. */
export interface ConsolePermissions {
  /** Create keys (their own) and manage the keys they created. */
  createKeys: boolean;
  /** Rename, rotate and revoke anybody's keys. */
  manageAllKeys: boolean;
  editPrompts: boolean;
  /** Invite, change roles, remove members. */
  manageMembers: boolean;
  viewAuditLog: boolean;
  editSettings: boolean;
  /** The scopes this user may put on a key (a key never outranks its creator). */
  grantableScopes: string[];
}

/**
 * The rules of the dashboard, from the member's role. They mirror what a key of that
 * member could do (ROLE_SCOPES): a viewer's keys could never write, so a viewer cannot
 * create keys; owners and admins run the workspace and see its audit log.
 *
 * @example permissionsOf("viewer").createKeys // false
 */
export function permissionsOf(role: Role): ConsolePermissions {
  const scopes = ROLE_SCOPES[role];
  const manager = managesMembers(role);
  return {
    createKeys: scopes.has("keys:write"),
    manageAllKeys: manager,
    editPrompts: scopes.has("prompts:write"),
    manageMembers: manager,
    viewAuditLog: manager,
    editSettings: manager,
    grantableScopes: [...scopes],
  };
}
