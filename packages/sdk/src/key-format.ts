import { crc32Ascii } from "./crc32.js";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PREFIXES = ["sk_live_", "sk_test_"] as const;
const PREFIX_LENGTH = 8;
const RANDOM_LENGTH = 36;
const CHECKSUM_LENGTH = 6;
const KEY_LENGTH = PREFIX_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH;

/** CRC-32 in base62, most significant digit first, left-padded with `0` to six characters. */
function checksumOf(body: string): string {
  let rest = crc32Ascii(body);
  let digits = "";
  do {
    digits = ALPHABET[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return digits.padStart(CHECKSUM_LENGTH, "0");
}

function isBase62(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!ALPHABET.includes(text[i] as string)) return false;
  }
  return true;
}

/**
 * Says what is wrong with a candidate key, or returns `null` when it is well formed.
 * The answer never quotes the candidate: it may be a real secret with a typo.
 *
 * @example describeKeyProblem("sk_live_short") // "it has 13 characters; Keyward keys have 50"
 */
export function describeKeyProblem(candidate: string): string | null {
  if (!PREFIXES.some((prefix) => candidate.startsWith(prefix))) return "it does not start with sk_live_ or sk_test_";
  if (candidate.length !== KEY_LENGTH) return `it has ${candidate.length} characters; Keyward keys have ${KEY_LENGTH}`;
  if (!isBase62(candidate.slice(PREFIX_LENGTH))) return "it contains characters outside 0-9, A-Z and a-z after the prefix";
  const bodyEnd = KEY_LENGTH - CHECKSUM_LENGTH;
  if (checksumOf(candidate.slice(0, bodyEnd)) !== candidate.slice(bodyEnd)) {
    return "its checksum does not match (a character was probably mistyped or cut off)";
  }
  return null;
}

/**
 * True for a string shaped like a Keyward secret key: `sk_live_`/`sk_test_`, 36 base62
 * characters and the CRC-32 checksum of both. Checked offline, so a mistyped key fails
 * before any request is sent.
 *
 * @example isWellFormedKey("sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC") // true
 */
export function isWellFormedKey(candidate: string): boolean {
  return describeKeyProblem(candidate) === null;
}

/**
 * The display form of a key (its prefix, four characters, an ellipsis and the last four),
 * the same hint the dashboard shows. Safe to print.
 *
 * @example keyHint("sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC") // "sk_live_KWca…eqyC"
 */
export function keyHint(key: string): string {
  return `${key.slice(0, 12)}…${key.slice(-4)}`;
}
