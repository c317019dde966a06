import type { KeyRecord } from "../store/index.js";

export type KeyStatus = "active" | "revoked" | "expired";

export function keyStatus(key: KeyRecord, now: number): KeyStatus {
  if (key.revokedAt !== null && key.revokedAt <= now) return "revoked";
  if (key.expiresAt !== null && key.expiresAt <= now) return "expired";
  return "active";
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A key as the API, CLI and dashboard show it. Never includes the secret or its hash. */
export function presentKey(key: KeyRecord, now: number = Date.now()) {
  return {
    id: key.id,
    name: key.name,
    workspaceId: key.workspaceId,
    environment: key.environment,
    scopes: key.scopes,
    hint: key.hint,
    status: keyStatus(key, now),
    createdAt: new Date(key.createdAt).toISOString(),
    createdBy: key.createdBy,
    lastUsedAt: iso(key.lastUsedAt),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    replacesKeyId: key.replacesKeyId,
    replacedByKeyId: key.replacedByKeyId,
  };
}

export type PresentedKey = ReturnType<typeof presentKey>;

/**
 * The answer to a rotation: the replacement with its secret (shown this once), the key it
 * replaces, and when that old key stops working.
 */
export function presentRotatedKey(rotated: { issued: { record: KeyRecord; secret: string }; old: KeyRecord }) {
  return {
    ...presentKey(rotated.issued.record),
    key: rotated.issued.secret,
    replaces: rotated.old.id,
    oldKeyExpiresAt: new Date(rotated.old.expiresAt ?? Date.now()).toISOString(),
  };
}
