import type { KeyEnvironment } from "../keys/index.js";

export type SubscriptionStatus = "active" | "past_due" | "canceled";

export interface WorkspaceRecord {
  id: string;
  slug: string;
  name: string;
  visibility: string;
  subscriptionStatus: SubscriptionStatus;
  plan: string;
  createdAt: number;
}

/** A stored key. The secret itself is never stored: only its SHA-256 and a hint. */
export interface KeyRecord {
  id: string;
  workspaceId: string;
  name: string;
  environment: KeyEnvironment;
  scopes: string[];
  keyHash: string;
  hint: string;
  createdAt: number;
  createdBy: string | null;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
  replacesKeyId: string | null;
  replacedByKeyId: string | null;
}

export interface KeyPatch {
  name?: string;
  scopes?: string[];
  expiresAt?: number | null;
}

export interface KeyPage {
  limit: number;
  /** Keys strictly after this position (newest first). */
  after?: { createdAt: number; id: string } | undefined;
}

/** A change other instances and processes must apply to their caches. */
export interface ChangeEvent {
  id: number;
  kind: "key" | "workspace";
  /** For `key`: the key hash; for `workspace`: the workspace id. */
  subject: string;
  createdAt: number;
}

export type UsageOutcome = "ok" | "401" | "403" | "429" | "4xx" | "5xx";

export interface UsageBatch {
  /** Per key, per hour, per outcome request counts. */
  counts: Array<{ keyId: string; workspaceId: string; hourStart: number; outcome: UsageOutcome; count: number; credits?: number }>;
  /** Per key, the latest use seen in the batch, and the client IP it came from. */
  lastUsed: Array<{ keyId: string; at: number; ip?: string | null }>;
}
