import type { Kysely } from "kysely";
import { LRUCache } from "lru-cache";
import type { SubscriptionStatus } from "../store/index.js";
import type { Database } from "../store/schema.js";
import type { Role } from "./roles.js";

/** What the request path needs to know about a workspace: its status and who has which role. */
export interface WorkspaceAccess {
  status: SubscriptionStatus;
  roles: ReadonlyMap<string, Role>;
}

export interface WorkspaceAccessCacheOptions {
  maxEntries: number;
  /** Backstop only: changes arrive as invalidations (locally at once, elsewhere via the change feed). */
  ttlMs: number;
}

/** Reads a workspace's access from storage; null when the workspace does not exist. */
export async function loadWorkspaceAccess(db: Kysely<Database>, workspaceId: string): Promise<WorkspaceAccess | null> {
  const workspace = await db.selectFrom("workspaces").select("subscription_status").where("id", "=", workspaceId).executeTakeFirst();
  if (!workspace) return null;
  const rows = await db.selectFrom("memberships").select(["user_id", "role"]).where("workspace_id", "=", workspaceId).execute();
  return {
    status: workspace.subscription_status as SubscriptionStatus,
    roles: new Map(rows.map((row) => [row.user_id, row.role as Role])),
  };
}

const GONE = Symbol("workspace gone");

/**
 * Workspace id → access, bounded and expiring, so the request guard answers from memory.
 * Like the key verifier, it bumps a generation on every invalidation: a read that started
 * before a change must not put what it read into the cache, or a removed member could
 * come back until the TTL.
 *
 * @example
 * const access = new WorkspaceAccessCache((id) => loadWorkspaceAccess(db, id), { maxEntries: 10_000, ttlMs: 60_000 });
 * access.get(workspaceId) ?? (await access.load(workspaceId));
 * changes.subscribe((e) => e.kind === "workspace" && access.invalidate(e.subject));
 */
export class WorkspaceAccessCache {
  private readonly entries: LRUCache<string, WorkspaceAccess | typeof GONE>;
  private readonly inFlight = new Map<string, Promise<WorkspaceAccess | null>>();
  private generation = 0;

  constructor(
    private readonly read: (workspaceId: string) => Promise<WorkspaceAccess | null>,
    options: WorkspaceAccessCacheOptions,
  ) {
    this.entries = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs > 0 ? options.ttlMs : undefined });
  }

  /** The cached access, null for a workspace known not to exist, undefined when not cached. */
  get(workspaceId: string): WorkspaceAccess | null | undefined {
    const entry = this.entries.get(workspaceId);
    return entry === GONE ? null : entry;
  }

  /** Reads from storage (one read per workspace at a time) and caches the answer. */
  load(workspaceId: string): Promise<WorkspaceAccess | null> {
    const pending = this.inFlight.get(workspaceId);
    if (pending) return pending;
    const generation = this.generation;
    const loading = this.read(workspaceId)
      .then((access) => {
        if (generation === this.generation) this.entries.set(workspaceId, access ?? GONE);
        return access;
      })
      .finally(() => {
        if (this.inFlight.get(workspaceId) === loading) this.inFlight.delete(workspaceId);
      });
    this.inFlight.set(workspaceId, loading);
    return loading;
  }

  invalidate(workspaceId: string): void {
    this.generation++;
    this.entries.delete(workspaceId);
    // A read already under way may have seen the old state; the next request starts afresh.
    this.inFlight.delete(workspaceId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
