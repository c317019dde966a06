import { hash } from "node:crypto";

/**
 * SHA-256 of the whole key, hex. Keys carry ~214 bits of entropy, so a fast unsalted
 * hash is safe here (no dictionary to attack) and keeps verification in microseconds.
 * The one-shot `crypto.hash` skips the Hash object `createHash` builds per call.
 */
export function hashApiKey(key: string): string {
  return hash("sha256", key, "hex");
}
