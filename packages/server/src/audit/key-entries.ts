import type { KeyRecord } from "../store/index.js";
import type { AuditRecordInput } from "./audit-log.js";

/** An audit entry about a key, before its actor is known. */
export type KeyAuditEntry = Omit<AuditRecordInput, "actor">;

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function about(key: KeyRecord): Pick<KeyAuditEntry, "workspaceId" | "target"> {
  return { workspaceId: key.workspaceId, target: { type: "key", id: key.id } };
}

/** What a key is called and looks like, never the secret: the hint is what every list shows. */
function describe(key: KeyRecord) {
  return { name: key.name, hint: key.hint, environment: key.environment };
}

export function keyCreatedEntry(key: KeyRecord): KeyAuditEntry {
  return {
    ...about(key),
    action: "key.created",
    metadata: { ...describe(key), scopes: key.scopes, expiresAt: iso(key.expiresAt) },
  };
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((scope, index) => scope === b[index]);
}

/**
 * `key.renamed` when only the name changed, `key.updated` (with every change) otherwise,
 * null when nothing changed.
 */
export function keyUpdatedEntry(before: KeyRecord, after: KeyRecord): KeyAuditEntry | null {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (before.name !== after.name) changes.name = { from: before.name, to: after.name };
  if (!sameScopes(before.scopes, after.scopes)) changes.scopes = { from: before.scopes, to: after.scopes };
  if (before.expiresAt !== after.expiresAt) changes.expiresAt = { from: iso(before.expiresAt), to: iso(after.expiresAt) };
  const changed = Object.keys(changes);
  if (changed.length === 0) return null;
  if (changed.length === 1 && changes.name) {
    return { ...about(after), action: "key.renamed", metadata: { ...describe(after), from: before.name, to: after.name } };
  }
  return { ...about(after), action: "key.updated", metadata: { ...describe(after), changes } };
}

export function keyRevokedEntry(key: KeyRecord): KeyAuditEntry {
  return { ...about(key), action: "key.revoked", metadata: describe(key) };
}

export function keyRotatedEntry(old: KeyRecord, replacement: KeyRecord, graceSeconds: number): KeyAuditEntry {
  return {
    ...about(old),
    action: "key.rotated",
    metadata: {
      ...describe(old),
      replacementKeyId: replacement.id,
      replacementHint: replacement.hint,
      gracePeriodSeconds: graceSeconds,
      oldKeyExpiresAt: iso(old.expiresAt),
    },
  };
}
