import type { Actor, AuditRecorder } from "../audit/index.js";
import { hashApiKey, redactKeys } from "../keys/index.js";
import { keyStatus, type KeyService, type KeyStatus } from "../management/index.js";
import type { KeyRecord, Store } from "../store/index.js";

/** What storage says about a leaked key: its record and status, or `unknown` when it was never issued here. */
export type LeakedKeyLookup =
  | { status: KeyStatus; record: KeyRecord }
  | { status: "unknown"; record: null };

/** Where a key was seen: a scanned file, a commit, a public URL. Never the key itself. */
export interface LeakLocation {
  /** GitHub's `source` ("content", "commit", "npm", …) or `file` / `git` for the CLI. */
  source: string;
  /** A link (GitHub) or `path:line` (CLI). */
  url: string;
  /** The commit the key was added in, for git history findings. */
  commit?: string | undefined;
}

export interface LeakResponseDependencies {
  store: Pick<Store, "findKeyByHash">;
  keys: Pick<KeyService, "revoke">;
  audit: AuditRecorder;
  now?: () => number;
}

// Audit metadata is kept forever and read by every admin; a URL or path that quotes a key
// must not carry it there (assertNoSecrets would refuse it anyway). Long URLs are cut.
function cleanLocation(text: string): string {
  return redactKeys(text).slice(0, 500);
}

/**
 * The response to a leaked key, shared by `keyward scan --revoke` and the GitHub
 * secret-scanning endpoint: look the key up by its hash, and revoke a live one with a
 * `key.revoked` entry (from the key service) followed by a `key.leaked` entry saying where
 * it was found, so owners see why their key stopped working.
 *
 * @example
 * const leaks = new LeakResponder({ store, keys, audit });
 * const found = await leaks.lookup(secret);
 * if (found.status === "active") await leaks.revokeLeaked(found.record, { source: "content", url }, SYSTEM_ACTOR);
 */
export class LeakResponder {
  private readonly now: () => number;

  constructor(private readonly deps: LeakResponseDependencies) {
    this.now = deps.now ?? Date.now;
  }

  async lookup(secret: string): Promise<LeakedKeyLookup> {
    const record = await this.deps.store.findKeyByHash(hashApiKey(secret));
    if (record === null) return { status: "unknown", record: null };
    return { status: keyStatus(record, this.now()), record };
  }

  /** Revokes the key and records where it leaked; returns the revoked record. */
  async revokeLeaked(record: KeyRecord, where: LeakLocation, actor: Actor): Promise<KeyRecord> {
    const revoked = await this.deps.keys.revoke(record.id, record.workspaceId, actor);
    await this.recordLeak(record, where, actor);
    return revoked;
  }

  /** Records where a key leaked, without touching it (already revoked or expired keys). */
  async recordLeak(record: KeyRecord, where: LeakLocation, actor: Actor): Promise<void> {
    await this.deps.audit.record({
      workspaceId: record.workspaceId,
      actor,
      action: "key.leaked",
      target: { type: "key", id: record.id },
      metadata: {
        name: record.name,
        hint: record.hint,
        environment: record.environment,
        source: cleanLocation(where.source),
        url: cleanLocation(where.url),
        ...(where.commit !== undefined ? { commit: cleanLocation(where.commit) } : {}),
      },
    });
  }
}
