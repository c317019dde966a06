import { SCOPES } from "../auth/index.js";

/** Roles in a workspace, most powerful first. */
export const ROLES = ["owner", "admin", "member", "viewer"] as const;

export type Role = (typeof ROLES)[number];

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: string): value is Role {
  return ROLE_SET.has(value);
}

// Read-only scopes by naming rule, so a scope added later (`foo:read`) reaches viewers
// without anyone remembering to list it here.
const READ_ONLY_SCOPES = SCOPES.filter((scope) => scope.endsWith(":read") || scope.endsWith(":list"));

/**
 * What each role lets its members' keys do. A key's effective rights are its own scopes
 * intersected with its creator's role, read at request time.
 *
 * - owner, admin, member: every scope. Members publish prompts, run the monitor and
 *   create their own keys (`keys:write`); what sets admins and owners apart is managing
 *   people (see membership-rules.ts), which no key can do.
 * - viewer: read-only — every `*:read` and `*:list` scope (today `prompts:read`,
 *   `prompts:list`, `keys:read`, `usage:read`); no `keys:write`, `prompts:write` or
 *   `monitor:run` (which spends credits).
 */
export const ROLE_SCOPES: Readonly<Record<Role, ReadonlySet<string>>> = {
  owner: new Set(SCOPES),
  admin: new Set(SCOPES),
  member: new Set(SCOPES),
  viewer: new Set(READ_ONLY_SCOPES),
};

/** True when a role allows every scope, so a key's own scopes are its effective scopes. */
export function roleAllowsEverything(role: Role): boolean {
  return ROLE_SCOPES[role].size === SCOPES.length;
}

/**
 * A key's own scopes narrowed to what its creator's role allows. `role` null means the
 * key was made by the installation admin (the CLI with no workspace owner): full rights.
 *
 * @example
 * intersectWithRole(new Set(["keys:read", "keys:write"]), "viewer") // Set { "keys:read" }
 */
export function intersectWithRole(scopes: ReadonlySet<string>, role: Role | null): ReadonlySet<string> {
  if (role === null || roleAllowsEverything(role)) return scopes;
  const allowed = ROLE_SCOPES[role];
  const effective = new Set<string>();
  for (const scope of scopes) if (allowed.has(scope)) effective.add(scope);
  return effective;
}

/** Owners and admins manage members and invitations. */
export function managesMembers(role: Role | null): boolean {
  return role === "owner" || role === "admin";
}
