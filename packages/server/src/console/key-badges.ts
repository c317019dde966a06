import type { KeyRecord } from "../store/index.js";
import { keyStatus } from "../management/index.js";

const DAY_MS = 86_400_000;
export const ROTATE_AFTER_MS = 90 * DAY_MS;
export const UNUSED_AFTER_MS = 30 * DAY_MS;

/**
 * The hints that make the regular key audit a glance: an active key older than 90 days
 * should be rotated; one unused for 30 days (counting from its creation when it was never
 * used) is probably forgotten and can be revoked.
 *
 * @example keyBadges(key, Date.now()) // { rotateRecommended: true, unused: false }
 */
export function keyBadges(key: KeyRecord, now: number): { rotateRecommended: boolean; unused: boolean } {
  if (keyStatus(key, now) !== "active") return { rotateRecommended: false, unused: false };
  return {
    rotateRecommended: now - key.createdAt >= ROTATE_AFTER_MS,
    unused: now - (key.lastUsedAt ?? key.createdAt) >= UNUSED_AFTER_MS,
  };
}
