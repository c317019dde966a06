import type { FastifyRequest } from "fastify";
import { userActor, type Actor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import type { Store, WorkspaceRecord } from "../store/index.js";
import type { MembershipService } from "../workspaces/membership-service.js";
import type { Role } from "../workspaces/roles.js";
import { permissionsOf, type ConsolePermissions } from "./console-permissions.js";
import { requireSignedIn, type ConsoleAuth } from "./console-request.js";

/** A signed-in member acting in one of their workspaces. */
export interface WorkspaceAccess {
  auth: ConsoleAuth;
  workspace: WorkspaceRecord;
  role: Role;
  permissions: ConsolePermissions;
  /** For services and the audit log: this user, from this IP. */
  actor: Actor;
}

export type WorkspaceAccessResolver = (request: FastifyRequest, workspaceId: string) => Promise<WorkspaceAccess>;

/**
 * Builds the check every workspace route starts with. Someone who is not a member gets
 * not_found, exactly as for a workspace that does not exist: the dashboard never confirms
 * that another team's workspace id is real.
 */
export function workspaceAccessResolver(store: Pick<Store, "findWorkspaceById">, members: Pick<MembershipService, "roleOf">): WorkspaceAccessResolver {
  return async function resolveWorkspaceAccess(request, workspaceId) {
    const auth = requireSignedIn(request);
    const role = await members.roleOf(workspaceId, auth.user.id);
    const workspace = role === null ? null : await store.findWorkspaceById(workspaceId);
    if (role === null || workspace === null) {
      throw new ApiError("not_found", { message: `Workspace not found: ${workspaceId.slice(0, 64)}` });
    }
    return { auth, workspace, role, permissions: permissionsOf(role), actor: userActor(auth.user.id, request.ip) };
  };
}

/** Refuses with 403 unless the member's role allows it; `what` finishes "Insufficient permissions: …". */
export function assertAllowed(allowed: boolean, what: string): void {
  if (!allowed) throw new ApiError("forbidden", { message: `Insufficient permissions: ${what}` });
}
