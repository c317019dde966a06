import { randomBytes } from "node:crypto";

/** The key alphabet: digits, then upper case, then lower case (base62). */
export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// 62 * 4 = 248: bytes at or above it are rejected so every character is equally likely.
const REJECTION_LIMIT = 248;

/**
 * Draws `length` characters uniformly from the base62 alphabet using the CSPRNG.
 * Rejection sampling avoids the modulo bias a plain `byte % 62` would have.
 *
 * @example generateRandomBase62(36) // "KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC9"
 */
export function generateRandomBase62(length: number): string {
  let result = "";
  while (result.length < length) {
    // Ask for a little more than needed: about 3% of bytes are rejected.
    const bytes = randomBytes(Math.ceil((length - result.length) * 1.1) + 4);
    for (const byte of bytes) {
      if (byte >= REJECTION_LIMIT) continue;
      result += BASE62_ALPHABET[byte % 62];
      if (result.length === length) break;
    }
  }
  return result;
}

/** Writes a non-negative integer in base62, most significant digit first, left-padded with `0`. */
export function encodeBase62(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("encodeBase62 takes a non-negative safe integer");
  let digits = "";
  let rest = value;
  do {
    digits = BASE62_ALPHABET[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return digits.padStart(width, "0");
}

const BASE62_CHAR = new Uint8Array(128);
for (const char of BASE62_ALPHABET) BASE62_CHAR[char.charCodeAt(0)] = 1;

/** True when every character of `text` from `start` to `end` is in the base62 alphabet. */
export function isBase62(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || BASE62_CHAR[code] !== 1) return false;
  }
  return true;
}
