import { createHash } from "node:crypto";

/**
 * SHA-256 of the whole key, hex. Keys carry ~214 bits of entropy, so a fast unsalted
 * hash is safe here (no dictionary to attack) and keeps verification in microseconds.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
