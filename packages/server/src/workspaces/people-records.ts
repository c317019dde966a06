import type { WorkspaceRecord } from "../store/index.js";
import type { Role } from "./roles.js";

/** A person who signs in to the dashboard. The password hash never leaves UserService. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  hasPassword: boolean;
  createdAt: number;
}

export interface MembershipRecord {
  workspaceId: string;
  userId: string;
  role: Role;
  createdAt: number;
}

/** A member as the team page lists them. */
export interface MemberView {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: number;
}

/** One of a user's workspaces, for the workspace switcher. */
export interface UserWorkspace {
  workspace: WorkspaceRecord;
  role: Role;
  joinedAt: number;
}

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

/** An invitation; its token exists only in the create response (stored as SHA-256). */
export interface InvitationRecord {
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  acceptedBy: string | null;
  revokedAt: number | null;
}
