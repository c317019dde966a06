import { LRUCache } from "lru-cache";
import type { KeyLimitRecord } from "./limits-store.js";
import type { PlanCatalog } from "./plan-catalog.js";
import type { Plan } from "./plans.js";
import type { RateWindow } from "./rate-window.js";

/** The limits that apply to one key: its workspace's plan, and the windows it is counted in. */
export interface ResolvedLimits {
  plan: Plan;
  windows: readonly RateWindow[];
}

interface Entry {
  workspaceId: string;
  limits: ResolvedLimits;
}

export interface KeyLimitsCacheOptions {
  maxEntries: number;
  ttlMs: number;
}

/**
 * Key id → resolved limits, bounded and expiring, so the request path reads a key's plan
 * and windows without storage on every request but the first. Answers synchronously on a
 * hit and with a promise only on a miss. A workspace change (plan, a key's windows)
 * drops the workspace's entries; reads that started before it do not fill the cache.
 */
export class KeyLimitsCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly inFlight = new Map<string, Promise<ResolvedLimits>>();
  private generation = 0;

  constructor(
    private readonly load: (keyId: string, workspaceId: string) => Promise<KeyLimitRecord | null>,
    private readonly catalog: PlanCatalog,
    options: KeyLimitsCacheOptions,
  ) {
    this.entries = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs > 0 ? options.ttlMs : undefined });
  }

  get(keyId: string, workspaceId: string): ResolvedLimits | Promise<ResolvedLimits> {
    const cached = this.entries.get(keyId);
    if (cached !== undefined) return cached.limits;
    const pending = this.inFlight.get(keyId);
    if (pending) return pending;
    const generation = this.generation;
    const loading = this.load(keyId, workspaceId)
      .then((record) => {
        const limits = this.resolve(record);
        if (generation === this.generation) this.entries.set(keyId, { workspaceId, limits });
        return limits;
      })
      .finally(() => {
        if (this.inFlight.get(keyId) === loading) this.inFlight.delete(keyId);
      });
    this.inFlight.set(keyId, loading);
    return loading;
  }

  invalidateWorkspace(workspaceId: string): void {
    this.generation++;
    this.inFlight.clear();
    for (const [keyId, entry] of this.entries.entries()) {
      if (entry.workspaceId === workspaceId) this.entries.delete(keyId);
    }
  }

  clear(): void {
    this.generation++;
    this.inFlight.clear();
    this.entries.clear();
  }

  private resolve(record: KeyLimitRecord | null): ResolvedLimits {
    const plan = this.catalog.resolve(record?.plan ?? this.catalog.defaultPlanName);
    return { plan, windows: record?.windows ?? plan.rateLimits };
  }
}
