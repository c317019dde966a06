import { hashApiKey, isWellFormedKey } from "../keys/index.js";
import type { Store } from "../store/index.js";
import { parseAuthorization } from "./parse-authorization.js";
import type { VerificationCache } from "./verification-cache.js";
import { toVerifiedKey, type VerifiedKey } from "./verified-key.js";

export type VerifyFailureCode = "MISSING" | "BAD_SCHEME" | "MALFORMED" | "NOT_FOUND" | "REVOKED" | "EXPIRED";

export type VerifyOutcome =
  | { valid: true; key: VerifiedKey }
  | { valid: false; code: VerifyFailureCode; key?: VerifiedKey };

const MISSING: VerifyOutcome = { valid: false, code: "MISSING" };
const BAD_SCHEME: VerifyOutcome = { valid: false, code: "BAD_SCHEME" };
const MALFORMED: VerifyOutcome = { valid: false, code: "MALFORMED" };
const NOT_FOUND: VerifyOutcome = { valid: false, code: "NOT_FOUND" };
/** After a failed storage read, how long stale keys are answered without trying storage again. */
const STORAGE_RETRY_MS = 1_000;

/**
 * The hot path: header → format + checksum → SHA-256 → cache → (miss) storage.
 * Answers synchronously on a cache hit or a malformed key, and with a promise only
 * when storage must be read, so the common case never waits on the event loop.
 */
export class KeyVerifier {
  private readonly inFlight = new Map<string, Promise<VerifiedKey | null>>();
  // Bumped by every invalidation: a storage read that started before one must not
  // put what it read into the cache, or a revoked key could come back.
  private generation = 0;
  private lookupObserver: ((seconds: number) => void) | undefined;

  /** How verifications were answered, for metrics: plain integers, free on the hot path. */
  readonly stats = { hits: 0, misses: 0, negativeHits: 0, malformed: 0, staleHits: 0 };
  // Set when a storage read fails: until then, keys past their TTL are answered stale at once
  // instead of each waiting for its own failed read. Cleared by the next successful read.
  private storageDownUntil = 0;

  constructor(
    private readonly store: Pick<Store, "findKeyByHash">,
    private readonly cache: VerificationCache,
    private readonly now: () => number = Date.now,
  ) {}

  verify(authorization: string | undefined): VerifyOutcome | Promise<VerifyOutcome> {
    const parsed = parseAuthorization(authorization);
    if (parsed.kind === "missing") return MISSING;
    if (parsed.kind === "bad_scheme") return BAD_SCHEME;
    return this.verifyToken(parsed.token);
  }

  verifyToken(token: string): VerifyOutcome | Promise<VerifyOutcome> {
    // Checked before any lookup: a mistyped or invented key costs no cache slot and no query.
    if (!isWellFormedKey(token)) {
      this.stats.malformed++;
      return MALFORMED;
    }
    const keyHash = hashApiKey(token);
    const cached = this.cache.get(keyHash);
    if (cached === null) {
      this.stats.negativeHits++;
      return NOT_FOUND;
    }
    if (cached !== undefined) {
      this.stats.hits++;
      return this.judge(cached);
    }
    if (this.storageDownUntil !== 0 && this.now() < this.storageDownUntil) {
      const stale = this.cache.getStale(keyHash);
      if (stale !== undefined) {
        this.stats.staleHits++;
        return this.judge(stale);
      }
    }
    this.stats.misses++;
    return this.load(keyHash).then(
      (key) => (key === null ? NOT_FOUND : this.judge(key)),
      (error: unknown) => this.answerStale(keyHash, error),
    );
  }

  /** Storage could not be read: a key within the stale window is still answered, else the error stands. */
  private answerStale(keyHash: string, error: unknown): VerifyOutcome {
    this.storageDownUntil = this.now() + STORAGE_RETRY_MS;
    const stale = this.cache.getStale(keyHash);
    if (stale === undefined) throw error;
    this.stats.staleHits++;
    return this.judge(stale);
  }

  /** Reports how long each storage lookup took (cache misses only). */
  observeLookups(observer: (seconds: number) => void): void {
    this.lookupObserver = observer;
  }

  invalidateKey(keyHash: string): void {
    this.generation++;
    // A request arriving from now on must not join a read that may predate the change.
    this.inFlight.delete(keyHash);
    this.cache.delete(keyHash);
  }

  invalidateWorkspace(workspaceId: string): void {
    this.generation++;
    // Which workspace an in-flight read belongs to is unknown until it returns.
    this.inFlight.clear();
    this.cache.deleteWorkspace(workspaceId);
  }

  invalidateAll(): void {
    this.generation++;
    this.inFlight.clear();
    this.cache.clear();
  }

  private judge(key: VerifiedKey): VerifyOutcome {
    const now = this.now();
    if (key.revokedAt !== null && key.revokedAt <= now) return { valid: false, code: "REVOKED", key };
    if (key.expiresAt !== null && key.expiresAt <= now) return { valid: false, code: "EXPIRED", key };
    return { valid: true, key };
  }

  private load(keyHash: string): Promise<VerifiedKey | null> {
    const pending = this.inFlight.get(keyHash);
    if (pending) return pending;
    const generation = this.generation;
    const started = this.lookupObserver ? performance.now() : 0;
    const loading = this.store
      .findKeyByHash(keyHash)
      .then((record) => {
        if (this.lookupObserver) this.lookupObserver((performance.now() - started) / 1000);
        this.storageDownUntil = 0;
        const key = record ? toVerifiedKey(record) : null;
        if (generation === this.generation) {
          if (key) this.cache.setHit(keyHash, key);
          else this.cache.setMiss(keyHash);
        }
        return key;
      })
      .finally(() => {
        // Only our own entry: an invalidation may have replaced it with a newer read.
        if (this.inFlight.get(keyHash) === loading) this.inFlight.delete(keyHash);
      });
    this.inFlight.set(keyHash, loading);
    return loading;
  }
}
