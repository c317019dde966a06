import type { KeyLimitRecord } from "../limits/index.js";
import type { WorkspaceAccess } from "../workspaces/index.js";
import { LastKnownGood } from "./last-known-good.js";

type KeyLimitsRead = (keyId: string, workspaceId: string) => Promise<KeyLimitRecord | null>;
type WorkspaceAccessRead = (workspaceId: string) => Promise<WorkspaceAccess | null>;

/** The request path's reads besides the key itself, made to outlast a storage outage. */
export interface OutageFallbacks {
  wrapWorkspaceAccessRead(read: WorkspaceAccessRead): WorkspaceAccessRead;
  wrapKeyLimitsRead(read: KeyLimitsRead): KeyLimitsRead;
  /** Call on every change to a workspace (members, plan, status, a key's limits). */
  forgetWorkspace(workspaceId: string): void;
}

/**
 * A cached key past its TTL is answered for the stale window when storage is down; so must
 * be what the request's other steps read (workspace access, the key's limits), or the key
 * would verify and the request still fail. Their last good values are kept for TTL + stale
 * window and answer only reads that fail because storage is unavailable. With a zero stale
 * window, nothing is kept.
 *
 * @example
 * const fallbacks = createOutageFallbacks({ cacheTtlMs: 60_000, staleWindowMs: 300_000, cacheMaxEntries: 100_000 });
 * new WorkspaceAccessCache(fallbacks.wrapWorkspaceAccessRead((id) => loadWorkspaceAccess(db, id)), options);
 */
export function createOutageFallbacks(config: { cacheTtlMs: number; staleWindowMs: number; cacheMaxEntries: number }): OutageFallbacks {
  if (config.staleWindowMs === 0 || config.cacheTtlMs === 0) {
    return { wrapWorkspaceAccessRead: (read) => read, wrapKeyLimitsRead: (read) => read, forgetWorkspace: () => {} };
  }
  const options = { maxEntries: config.cacheMaxEntries, windowMs: config.cacheTtlMs + config.staleWindowMs };
  const access = new LastKnownGood<WorkspaceAccess | null>(options);
  const limits = new LastKnownGood<KeyLimitRecord | null>(options);
  return {
    wrapWorkspaceAccessRead: (read) => access.wrap((workspaceId) => workspaceId, read),
    wrapKeyLimitsRead: (read) => limits.wrap((keyId, workspaceId) => `${workspaceId}|${keyId}`, read),
    forgetWorkspace(workspaceId) {
      access.forget(workspaceId);
      limits.forgetPrefix(`${workspaceId}|`);
    },
  };
}
