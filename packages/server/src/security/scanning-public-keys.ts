import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError } from "../config/index.js";

/** The public keys a secret-scanning report may be signed with, by key identifier. */
export type ScanningPublicKeys = ReadonlyMap<string, KeyObject>;

interface PublishedKey {
  key_identifier?: unknown;
  key?: unknown;
}

const SETTING = "KEYWARD_SECRET_SCANNING_PUBLIC_KEYS";

function entriesOf(document: unknown): PublishedKey[] {
  if (Array.isArray(document)) return document as PublishedKey[];
  if (document !== null && typeof document === "object" && Array.isArray((document as { public_keys?: unknown }).public_keys)) {
    return (document as { public_keys: PublishedKey[] }).public_keys;
  }
  throw new ConfigError(`${SETTING} must hold {"public_keys":[{"key_identifier","key"}]} or an array of such entries`);
}

/**
 * Reads the signing keys of secret-scanning reports from `KEYWARD_SECRET_SCANNING_PUBLIC_KEYS`:
 * inline JSON, or the path of a JSON file. The format is the one GitHub publishes at
 * `https://api.github.com/meta/public_keys/secret_scanning` (`{"public_keys":[{"key_identifier",
 * "key","is_current"}]}`), so that document can be saved as is; a bare array of its entries
 * works too. Every key must be an ECDSA P-256 public key in PEM. Throws ConfigError at start-up
 * rather than refusing every report later.
 *
 * @example loadScanningPublicKeys("/etc/keyward/secret-scanning-keys.json")
 */
export function loadScanningPublicKeys(setting: string): ScanningPublicKeys {
  const trimmed = setting.trim();
  let text = trimmed;
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
    try {
      text = readFileSync(trimmed, "utf8");
    } catch {
      throw new ConfigError(`${SETTING}: cannot read the file ${trimmed}`);
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ConfigError(`${SETTING} is not valid JSON`);
  }
  const keys = new Map<string, KeyObject>();
  for (const [index, entry] of entriesOf(document).entries()) {
    if (typeof entry?.key_identifier !== "string" || entry.key_identifier === "" || typeof entry.key !== "string") {
      throw new ConfigError(`${SETTING}: entry ${index} needs a key_identifier and a PEM key`);
    }
    let key: KeyObject;
    try {
      key = createPublicKey(entry.key);
    } catch {
      throw new ConfigError(`${SETTING}: entry ${index} is not a PEM public key`);
    }
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
      throw new ConfigError(`${SETTING}: entry ${index} is not an ECDSA P-256 key`);
    }
    keys.set(entry.key_identifier, key);
  }
  if (keys.size === 0) throw new ConfigError(`${SETTING} holds no keys`);
  return keys;
}

/**
 * True when `signature` (base64 DER, as sent in `Github-Public-Key-Signature`) is a valid
 * ECDSA P-256 / SHA-256 signature of the exact body bytes by the key named `identifier`.
 * Missing or malformed headers are simply not valid.
 */
export function verifyScanningSignature(
  keys: ScanningPublicKeys,
  identifier: string | undefined,
  signature: string | undefined,
  body: Buffer,
): boolean {
  if (identifier === undefined || signature === undefined) return false;
  const key = keys.get(identifier);
  if (key === undefined || signature.length > 512 || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify("sha256", body, key, Buffer.from(signature, "base64"));
  } catch {
    // A signature that is not valid DER makes verify throw: it is just not a valid signature.
    return false;
  }
}
