import { presentWorkspace } from "./workspace-service.js";
import type { InvitationRecord, MemberView, UserRecord, UserWorkspace } from "./people-records.js";
import { invitationStatus } from "./invitation-service.js";

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** People as the CLI and dashboard show them: ISO timestamps, never a password hash. */
export function presentUser(user: UserRecord) {
  return { id: user.id, email: user.email, displayName: user.displayName, hasPassword: user.hasPassword, createdAt: iso(user.createdAt) };
}

export function presentMember(member: MemberView) {
  return { userId: member.userId, email: member.email, displayName: member.displayName, role: member.role, joinedAt: iso(member.joinedAt) };
}

export function presentUserWorkspace(entry: UserWorkspace) {
  return { ...presentWorkspace(entry.workspace), role: entry.role, joinedAt: iso(entry.joinedAt) };
}

/** An invitation without its token (which exists only in the create response). */
export function presentInvitation(invitation: InvitationRecord, now: number = Date.now()) {
  return {
    id: invitation.id,
    workspaceId: invitation.workspaceId,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    invitedBy: invitation.invitedBy,
    createdAt: iso(invitation.createdAt),
    expiresAt: iso(invitation.expiresAt),
    acceptedAt: iso(invitation.acceptedAt),
  };
}
