import { generateRandomBase62 } from "./base62.js";
import { computeChecksum } from "./checksum.js";
import { KEY_PREFIXES, RANDOM_PART_LENGTH, type KeyEnvironment } from "./format.js";

/**
 * Makes a new secret key: prefix, 36 random base62 characters (about 214 bits), checksum.
 *
 * @example generateApiKey("test") // "sk_test_…" (50 characters)
 */
export function generateApiKey(environment: KeyEnvironment): string {
  const body = KEY_PREFIXES[environment] + generateRandomBase62(RANDOM_PART_LENGTH);
  return body + computeChecksum(body);
}
