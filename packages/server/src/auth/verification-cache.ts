import { LRUCache } from "lru-cache";
import type { VerifiedKey } from "./verified-key.js";

export interface VerificationCacheOptions {
  maxEntries: number;
  ttlMs: number;
  missMaxEntries: number;
  missTtlMs: number;
  /**
   * How long past its TTL a key may still be answered from memory when storage cannot be
   * read (KEYWARD_STALE_WINDOW_MS); 0 turns stale answers off.
   */
  staleWindowMs?: number;
  /** The clock of TTLs, for tests; monotonic milliseconds. */
  now?: () => number;
}

interface CachedKey {
  key: VerifiedKey;
  /** Past this instant the key is read again; until TTL + stale window it is the fallback. */
  freshUntil: number;
}

/**
 * Key hash → verified key, bounded and expiring. Unknown hashes live in a separate,
 * smaller LRU: a flood of made-up keys can evict other made-up keys, never real ones.
 */
export class VerificationCache {
  private readonly hits: LRUCache<string, CachedKey>;
  private readonly misses: LRUCache<string, true> | null;
  private readonly ttlMs: number;
  private readonly staleWindowMs: number;
  private readonly now: () => number;

  constructor(options: VerificationCacheOptions) {
    this.ttlMs = options.ttlMs;
    // Without a TTL nothing expires, so nothing is ever stale.
    this.staleWindowMs = options.ttlMs > 0 ? (options.staleWindowMs ?? 0) : 0;
    this.now = options.now ?? (() => performance.now());
    // An injected clock jumps: the LRU must not reuse a reading it cached for a millisecond.
    const perf = { perf: { now: this.now }, ...(options.now ? { ttlResolution: 0 } : {}) };
    // The LRU keeps a key until TTL + stale window; `get` treats it as expired after the TTL.
    this.hits = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs > 0 ? options.ttlMs + this.staleWindowMs : undefined, ...perf });
    this.misses =
      options.missTtlMs > 0 ? new LRUCache({ max: options.missMaxEntries, ttl: options.missTtlMs, ...perf }) : null;
  }

  /** The cached key, `null` for a remembered miss, `undefined` when nothing is known (or only a stale key). */
  get(keyHash: string): VerifiedKey | null | undefined {
    const hit = this.hits.get(keyHash);
    if (hit !== undefined && (this.staleWindowMs === 0 || hit.freshUntil > this.now())) return hit.key;
    if (hit !== undefined) return undefined;
    return this.misses?.get(keyHash) ? null : undefined;
  }

  /**
   * A key past its TTL but within the stale window: the answer when storage cannot be read.
   * Invalidations delete entries outright, so a revoked key is never found here.
   */
  getStale(keyHash: string): VerifiedKey | undefined {
    return this.hits.get(keyHash)?.key;
  }

  setHit(keyHash: string, key: VerifiedKey): void {
    this.misses?.delete(keyHash);
    this.hits.set(keyHash, { key, freshUntil: this.ttlMs > 0 ? this.now() + this.ttlMs : Infinity });
  }

  setMiss(keyHash: string): void {
    // A key storage no longer knows must not stay around as a stale fallback.
    this.hits.delete(keyHash);
    this.misses?.set(keyHash, true);
  }

  delete(keyHash: string): void {
    this.hits.delete(keyHash);
    this.misses?.delete(keyHash);
  }

  /** Drops every cached key of a workspace (its members, plan or subscription changed). */
  deleteWorkspace(workspaceId: string): void {
    for (const [hash, entry] of this.hits.entries()) {
      if (entry.key.workspaceId === workspaceId) this.hits.delete(hash);
    }
  }

  clear(): void {
    this.hits.clear();
    this.misses?.clear();
  }

  get size(): { hits: number; misses: number } {
    return { hits: this.hits.size, misses: this.misses?.size ?? 0 };
  }
}
