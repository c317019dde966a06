import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { RequestCounters } from "./request-counters.js";

/** What the metrics read from the rest of the process at scrape time. */
export interface MetricSources {
  cacheStats(): { hits: number; misses: number; negativeHits: number; malformed: number; staleHits: number };
  cacheSize(): { hits: number; misses: number };
  /** Milliseconds the oldest unwritten usage count has waited for a successful write, or null when none waits. */
  usageFlushLagMs(): number | null;
  /** 1 when the backend answers, 0 when it does not; called at scrape time. */
  backends(): Promise<Record<string, boolean>>;
}

/**
 * Prometheus metrics: requests by route and outcome, storage lookup latency, cache hit
 * ratio, usage flush lag, invalidation lag and backend health. Most values are read from
 * plain counters at scrape time, so the request path never touches a labelled metric.
 *
 * @example
 * const metrics = new KeywardMetrics({ cacheStats: () => verifier.stats, … });
 * verifier.observeLookups((seconds) => metrics.lookupSeconds.observe(seconds));
 * const text = await metrics.render();
 */
export class KeywardMetrics {
  readonly registry = new Registry();
  readonly requests = new RequestCounters();
  readonly lookupSeconds: Histogram;
  readonly invalidationLagSeconds: Histogram;

  constructor(private readonly sources: MetricSources) {
    const registry = this.registry;
    collectDefaultMetrics({ register: registry, prefix: "keyward_process_" });
    const requests = this.requests;

    new Counter({
      name: "keyward_http_requests_total",
      help: "Requests answered, by route and outcome",
      labelNames: ["route", "outcome"],
      registers: [registry],
      collect() {
        this.reset();
        for (const entry of requests.entries()) this.inc({ route: entry.route, outcome: entry.outcome }, entry.count);
      },
    });

    new Counter({
      name: "keyward_key_verifications_total",
      help: "Key verifications by how they were answered: cache hit, storage lookup, remembered unknown key, rejected by format, stale during a storage outage",
      labelNames: ["result"],
      registers: [registry],
      collect() {
        this.reset();
        const stats = sources.cacheStats();
        this.inc({ result: "cache_hit" }, stats.hits);
        this.inc({ result: "storage_lookup" }, stats.misses);
        this.inc({ result: "known_unknown" }, stats.negativeHits);
        this.inc({ result: "malformed" }, stats.malformed);
        this.inc({ result: "stale" }, stats.staleHits);
      },
    });

    new Gauge({
      name: "keyward_key_cache_hit_ratio",
      help: "Share of well-formed key verifications answered from memory (cache hits and remembered unknown keys)",
      registers: [registry],
      collect() {
        const stats = sources.cacheStats();
        const fromMemory = stats.hits + stats.negativeHits + stats.staleHits;
        const total = fromMemory + stats.misses;
        this.set(total === 0 ? 0 : fromMemory / total);
      },
    });

    new Gauge({
      name: "keyward_key_cache_entries",
      help: "Entries in the key cache, by kind",
      labelNames: ["kind"],
      registers: [registry],
      collect() {
        const size = sources.cacheSize();
        this.set({ kind: "keys" }, size.hits);
        this.set({ kind: "unknown_keys" }, size.misses);
      },
    });

    new Gauge({
      name: "keyward_usage_flush_lag_seconds",
      help: "Seconds the oldest unwritten usage counts have waited to be written to storage (0 when nothing waits)",
      registers: [registry],
      collect() {
        const lag = sources.usageFlushLagMs();
        this.set(lag === null ? 0 : lag / 1000);
      },
    });

    new Gauge({
      name: "keyward_backend_up",
      help: "1 when a backend answers, 0 when it does not",
      labelNames: ["backend"],
      registers: [registry],
      async collect() {
        for (const [backend, up] of Object.entries(await sources.backends())) this.set({ backend }, up ? 1 : 0);
      },
    });

    this.lookupSeconds = new Histogram({
      name: "keyward_key_lookup_seconds",
      help: "Storage lookups of keys missing from the cache",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1],
      registers: [registry],
    });

    this.invalidationLagSeconds = new Histogram({
      name: "keyward_invalidation_lag_seconds",
      help: "From a change committing to this instance dropping it from its caches",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  /** Notes that a change committed at `createdAt` (ms) has just been applied to this instance's caches. */
  observeInvalidation(createdAt: number, now: number = Date.now()): void {
    this.invalidationLagSeconds.observe(Math.max(0, now - createdAt) / 1000);
  }

  /** The exposition text for a scrape. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
