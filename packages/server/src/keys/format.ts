import { isBase62 } from "./base62.js";
import { CHECKSUM_LENGTH, computeChecksum } from "./checksum.js";

export type KeyEnvironment = "live" | "test";

export const KEY_ENVIRONMENTS: readonly KeyEnvironment[] = ["live", "test"];
export const KEY_PREFIXES: Record<KeyEnvironment, string> = { live: "sk_live_", test: "sk_test_" };

const PREFIX_LENGTH = 8;
export const RANDOM_PART_LENGTH = 36;
export const KEY_LENGTH = PREFIX_LENGTH + RANDOM_PART_LENGTH + CHECKSUM_LENGTH;

/**
 * Tells the environment of a key whose shape and checksum are right, or `null`.
 * It touches no storage: a key failing here never costs a cache or database lookup,
 * and a scanner can use it to recognise real keys offline.
 *
 * @example parseKeyEnvironment("sk_live_…") // "live"
 */
export function parseKeyEnvironment(candidate: string): KeyEnvironment | null {
  if (candidate.length !== KEY_LENGTH) return null;
  let environment: KeyEnvironment;
  if (candidate.startsWith(KEY_PREFIXES.live)) environment = "live";
  else if (candidate.startsWith(KEY_PREFIXES.test)) environment = "test";
  else return null;
  if (!isBase62(candidate, PREFIX_LENGTH)) return null;
  const bodyEnd = KEY_LENGTH - CHECKSUM_LENGTH;
  if (computeChecksum(candidate.slice(0, bodyEnd)) !== candidate.slice(bodyEnd)) return null;
  return environment;
}

/** True for a key with the right prefix, alphabet, length and checksum. */
export function isWellFormedKey(candidate: string): boolean {
  return parseKeyEnvironment(candidate) !== null;
}

// A key stands alone: a longer run of letters and digits around it is some other token.
const KEY_CANDIDATE = /(?<![0-9A-Za-z])sk_(?:live|test)_[0-9A-Za-z]{42}(?![0-9A-Za-z])/g;

/**
 * Finds every well-formed key in a text (for scanners); the checksum rules out look-alikes.
 *
 * @example findKeysInText(`KEYWARD_API_KEY=${key}`) // [key]
 */
export function findKeysInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(KEY_CANDIDATE)) {
    if (isWellFormedKey(match[0])) found.push(match[0]);
  }
  return found;
}
