/** Every action the audit log knows; the dashboard filters on these. */
export const AUDIT_ACTIONS = [
  "key.created",
  "key.renamed",
  "key.updated",
  "key.rotated",
  "key.revoked",
  "key.leaked",
  "member.invited",
  "member.invitation_revoked",
  "member.added",
  "member.removed",
  "member.role_changed",
  "workspace.created",
  "workspace.renamed",
  "workspace.subscription_changed",
  "user.created",
  "user.signed_in",
  "user.password_changed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about. */
export type AuditTargetType = "key" | "user" | "invitation" | "workspace";

const ACTION_SET: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isAuditAction(value: string): value is AuditAction {
  return ACTION_SET.has(value);
}
