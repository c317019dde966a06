import { LRUCache } from "lru-cache";
import type { VerifiedKey } from "./verified-key.js";

export interface VerificationCacheOptions {
  maxEntries: number;
  ttlMs: number;
  missMaxEntries: number;
  missTtlMs: number;
}

/**
 * Key hash → verified key, bounded and expiring. Unknown hashes live in a separate,
 * smaller LRU: a flood of made-up keys can evict other made-up keys, never real ones.
 */
export class VerificationCache {
  private readonly hits: LRUCache<string, VerifiedKey>;
  private readonly misses: LRUCache<string, true> | null;

  constructor(options: VerificationCacheOptions) {
    this.hits = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs > 0 ? options.ttlMs : undefined });
    this.misses =
      options.missTtlMs > 0 ? new LRUCache({ max: options.missMaxEntries, ttl: options.missTtlMs }) : null;
  }

  /** The cached key, `null` for a remembered miss, `undefined` when nothing is known. */
  get(keyHash: string): VerifiedKey | null | undefined {
    const hit = this.hits.get(keyHash);
    if (hit !== undefined) return hit;
    return this.misses?.get(keyHash) ? null : undefined;
  }

  setHit(keyHash: string, key: VerifiedKey): void {
    this.misses?.delete(keyHash);
    this.hits.set(keyHash, key);
  }

  setMiss(keyHash: string): void {
    this.misses?.set(keyHash, true);
  }

  delete(keyHash: string): void {
    this.hits.delete(keyHash);
    this.misses?.delete(keyHash);
  }

  /** Drops every cached key of a workspace (its members, plan or subscription changed). */
  deleteWorkspace(workspaceId: string): void {
    for (const [hash, key] of this.hits.entries()) {
      if (key.workspaceId === workspaceId) this.hits.delete(hash);
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
