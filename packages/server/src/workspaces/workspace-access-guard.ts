import type { FastifyRequest } from "fastify";
import type { RequestGuard, VerifiedKey } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import type { RouteAuth } from "../http/fastify-augment.js";
import { intersectWithRole, type Role } from "./roles.js";
import type { WorkspaceAccess, WorkspaceAccessCache } from "./workspace-access-cache.js";

// Refusals sent on the hot path are built once: an Error captures a stack when created.
const SUBSCRIPTION_INACTIVE = new ApiError("subscription_inactive");
const CREATOR_REMOVED = new ApiError("forbidden", {
  message: "Insufficient permissions: the key's creator is no longer a member of this workspace",
});
const FORBIDDEN = new ApiError("forbidden");

/** Per verified key, its effective scopes under the role they were computed for. */
const narrowed = new WeakMap<VerifiedKey, { role: Role; scopes: ReadonlySet<string> }>();

/**
 * The key's own scopes intersected with its creator's current role; null when the creator
 * is no longer a member. A key with no creator was made by the installation admin.
 */
export function effectiveScopesOf(key: VerifiedKey, access: WorkspaceAccess): ReadonlySet<string> | null {
  if (key.createdBy === null) return key.scopes;
  const role = access.roles.get(key.createdBy);
  if (role === undefined) return null;
  const memo = narrowed.get(key);
  if (memo !== undefined && memo.role === role) return memo.scopes;
  const scopes = intersectWithRole(key.scopes, role);
  if (scopes !== key.scopes) narrowed.set(key, { role, scopes });
  return scopes;
}

/** Decides a request from the workspace's access; stores the effective scopes on the request. */
export function judgeWorkspaceAccess(
  request: FastifyRequest,
  key: VerifiedKey,
  auth: RouteAuth,
  access: WorkspaceAccess | null,
): ApiError | null {
  // Keys are deleted with their workspace; a key outliving it is refused, never trusted.
  if (access === null) return FORBIDDEN;
  if (access.status !== "active") return SUBSCRIPTION_INACTIVE;
  const scopes = effectiveScopesOf(key, access);
  if (scopes === null) return CREATOR_REMOVED;
  if (auth.scope !== undefined && !scopes.has(auth.scope)) return FORBIDDEN;
  request.effectiveScopes = scopes;
  return null;
}

/**
 * The request path's workspace step (`afterVerify`): a workspace whose subscription is not
 * `active` answers 403 on every key of it, and a key may do only what its own scopes *and*
 * its creator's current role allow — remove or demote a member and their keys lose those
 * rights on the next request, without anyone touching the keys. Answers synchronously from
 * the access cache; reads storage only on a miss. Runs before limits and credits.
 *
 * @example
 * buildApp({ ..., guards: [workspaceAccessGuard(access), ...otherGuards] });
 */
export function workspaceAccessGuard(cache: WorkspaceAccessCache): RequestGuard {
  return {
    name: "workspace-access",
    afterVerify: function checkWorkspaceAccess(request, _reply, key, auth) {
      const cached = cache.get(key.workspaceId);
      if (cached !== undefined) return judgeWorkspaceAccess(request, key, auth, cached);
      return cache.load(key.workspaceId).then((access) => judgeWorkspaceAccess(request, key, auth, access));
    },
  };
}
