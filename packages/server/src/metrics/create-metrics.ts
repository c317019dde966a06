import type { KeyVerifier, VerificationCache } from "../auth/index.js";
import type { Store } from "../store/index.js";
import type { UsageRecorder } from "../usage/index.js";
import { backendHealth } from "./backend-health.js";
import type { FlushLag } from "./flush-lag.js";
import { KeywardMetrics } from "./keyward-metrics.js";

/**
 * The metrics of one instance, reading the verifier's counters, the cache's size, the usage
 * recorder's backlog and the database's health at scrape time.
 *
 * @example const metrics = createMetrics({ verifier, cache, usage, flushLag, store });
 */
export function createMetrics(parts: {
  verifier: KeyVerifier;
  cache: VerificationCache;
  usage: UsageRecorder;
  flushLag: FlushLag;
  store: Pick<Store, "ping">;
  /** More backends to report in `keyward_backend_up` (e.g. `redis`). */
  pings?: Record<string, () => Promise<unknown>>;
}): KeywardMetrics {
  const metrics = new KeywardMetrics({
    cacheStats: () => parts.verifier.stats,
    cacheSize: () => parts.cache.size,
    usageFlushLagMs: () => parts.flushLag.lagMs(parts.usage.pendingRequests > 0),
    backends: () => backendHealth({ database: () => parts.store.ping(), ...parts.pings }),
  });
  parts.verifier.observeLookups((seconds) => metrics.lookupSeconds.observe(seconds));
  return metrics;
}
