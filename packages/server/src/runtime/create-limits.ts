import type { Kysely } from "kysely";
import type { RequestGuard } from "../auth/index.js";
import type { KeywardConfig } from "../config/index.js";
import { createCreditGuard, CreditService, CreditStore } from "../credits/index.js";
import {
  createRateLimitGuard,
  KeyLimitsCache,
  LimitsService,
  LimitsStore,
  loadPlanCatalog,
  MemoryConcurrencyStore,
  MemoryRateLimitStore,
  parseWindowList,
  type ConcurrencyStore,
  type KeyLimitRecord,
  type RateLimitStore,
  type RateWindow,
} from "../limits/index.js";
import type { Database } from "../store/schema.js";
import { UsageCompactor, UsageService, UsageStore } from "../usage/index.js";

/** Rate limits, plans, concurrency, credits and usage reports, wired for one process. */
export interface LimitsParts {
  limits: LimitsService;
  credits: CreditService;
  usageQueries: UsageService;
  keyLimits: KeyLimitsCache;
  rates: RateLimitStore;
  concurrency: ConcurrencyStore;
  compactor: UsageCompactor;
  /** The rate-limit step, then the credits step (after any step that may refuse the key). */
  guards: RequestGuard[];
}

/** Reads KEYWARD_IP_RATE_LIMITS: windows such as "100/minute,1000/hour", or "off". */
export function parseIpRateLimits(text: string): RateWindow[] {
  if (["off", "none"].includes(text.trim().toLowerCase())) return [];
  return parseWindowList(
    text.split(",").map((part) => part.trim()),
    "KEYWARD_IP_RATE_LIMITS",
  );
}

/**
 * Builds the limits of one process: the plans (built in, plus KEYWARD_PLANS_FILE), memory
 * stores for windows and concurrency, credits in the database, usage reports and their
 * compaction. Throws ConfigError on a bad plans file or IP limit.
 */
export function createLimits(
  config: Pick<KeywardConfig, "plansFile" | "ipRateLimits" | "cacheMaxEntries" | "cacheTtlMs">,
  db: Kysely<Database>,
  warn: (error: unknown, message: string) => void,
  /** Wraps the read of a key's limits, e.g. to fall back to the last value through a storage outage. */
  wrapKeyLimitsRead: (read: (keyId: string, workspaceId: string) => Promise<KeyLimitRecord | null>) => (keyId: string, workspaceId: string) => Promise<KeyLimitRecord | null> = (read) => read,
  /** A shared rate-limit store (Redis, with `REDIS_URL`); default: this process's memory. */
  stores: { rates?: RateLimitStore; onLimitsChanged?: () => void } = {},
): LimitsParts {
  const catalog = loadPlanCatalog(config.plansFile);
  const ipWindows = parseIpRateLimits(config.ipRateLimits);
  const limitsStore = new LimitsStore(db);
  const keyLimits = new KeyLimitsCache(wrapKeyLimitsRead((keyId, workspaceId) => limitsStore.keyLimits(keyId, workspaceId)), catalog, {
    maxEntries: config.cacheMaxEntries,
    ttlMs: config.cacheTtlMs,
  });
  const limits = new LimitsService(limitsStore, catalog, (workspaceId) => {
    keyLimits.invalidateWorkspace(workspaceId);
    stores.onLimitsChanged?.();
  });
  const credits = new CreditService(new CreditStore(db), (workspaceId) => limits.planOf(workspaceId));
  const usageQueries = new UsageService(new UsageStore(db));
  const rates = stores.rates ?? new MemoryRateLimitStore();
  const concurrency = new MemoryConcurrencyStore();
  const compactor = new UsageCompactor(usageQueries, (error) => warn(error, "usage compaction failed; it runs again later"));
  const guards = [
    createRateLimitGuard({ rates, concurrency, limits: keyLimits, ipWindows, onError: (error) => warn(error, "counting a refused key failed") }),
    createCreditGuard(credits, keyLimits),
  ];
  return { limits, credits, usageQueries, keyLimits, rates, concurrency, compactor, guards };
}
