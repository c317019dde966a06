import type {
  ChangeEvent,
  KeyPage,
  KeyPatch,
  KeyRecord,
  UsageBatch,
  WorkspaceRecord,
} from "./records.js";

/**
 * Everything Keyward keeps, behind methods named by intent. Every driver passes the
 * same conformance suite (`store.conformance.ts`). Mutations that must reach other
 * processes' caches append a change event in the same transaction.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";

  createWorkspace(workspace: WorkspaceRecord): Promise<void>;
  findWorkspaceBySlug(slug: string): Promise<WorkspaceRecord | null>;
  findWorkspaceById(id: string): Promise<WorkspaceRecord | null>;
  listWorkspaces(): Promise<WorkspaceRecord[]>;

  insertKey(key: KeyRecord): Promise<void>;
  findKeyByHash(keyHash: string): Promise<KeyRecord | null>;
  findKeyById(id: string): Promise<KeyRecord | null>;
  listKeys(workspaceId: string, page: KeyPage): Promise<KeyRecord[]>;
  updateKey(id: string, patch: KeyPatch): Promise<KeyRecord | null>;
  /** Sets revoked_at unless already revoked; returns the key as it is now. */
  revokeKey(id: string, at: number): Promise<KeyRecord | null>;
  /**
   * Inserts the replacement and ends the old key at `oldKeyEndsAt`, atomically. A key already
   * revoked or replaced is left as it is (its `replacedByKeyId` then is not the replacement's id).
   */
  rotateKey(oldId: string, replacement: KeyRecord, oldKeyEndsAt: number): Promise<KeyRecord | null>;

  latestChangeId(): Promise<number>;
  changesSince(id: number, limit: number): Promise<ChangeEvent[]>;
  pruneChangesBefore(at: number): Promise<void>;

  applyUsageBatch(batch: UsageBatch): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by a store when a unique value (slug, key hash) is taken. */
export class UniqueViolationError extends Error {
  override name = "UniqueViolationError";
}
