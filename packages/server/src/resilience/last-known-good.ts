import { LRUCache } from "lru-cache";
import { isStorageUnavailable } from "./storage-faults.js";

export interface LastKnownGoodOptions {
  maxEntries: number;
  /** How long a value read from storage may answer in its place while storage is down. */
  windowMs: number;
}

/**
 * Remembers the last value a storage read returned for each id, and answers with it when a
 * later read fails because storage is unavailable: the request path's caches (workspace
 * access, key limits) then keep serving through an outage for as long as the key cache's
 * stale window. Only outages fall back; any other error still fails the read. `forget`
 * must follow every invalidation, so a change made before the outage is never undone.
 *
 * @example
 * const access = new LastKnownGood<WorkspaceAccess | null>({ maxEntries: 10_000, windowMs: 360_000 });
 * const read = access.wrap((id: string) => id, (id) => loadWorkspaceAccess(db, id));
 */
export class LastKnownGood<V> {
  private readonly values: LRUCache<string, { value: V }>;

  constructor(options: LastKnownGoodOptions) {
    this.values = new LRUCache({ max: options.maxEntries, ttl: Math.max(1, options.windowMs) });
  }

  /** `read` with the fallback; `idOf` names what a call reads. */
  wrap<A extends unknown[]>(idOf: (...args: A) => string, read: (...args: A) => Promise<V>): (...args: A) => Promise<V> {
    return async (...args: A): Promise<V> => {
      const id = idOf(...args);
      try {
        const value = await read(...args);
        this.values.set(id, { value });
        return value;
      } catch (error) {
        const known = isStorageUnavailable(error) ? this.values.get(id) : undefined;
        if (known === undefined) throw error;
        return known.value;
      }
    };
  }

  forget(id: string): void {
    this.values.delete(id);
  }

  /** Forgets every id that starts with `prefix` (such as all of a workspace's entries). */
  forgetPrefix(prefix: string): void {
    for (const id of this.values.keys()) {
      if (id.startsWith(prefix)) this.values.delete(id);
    }
  }

  clear(): void {
    this.values.clear();
  }
}
