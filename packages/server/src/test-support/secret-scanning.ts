import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

/** A P-256 signing key like GitHub's, and the setting that makes Keyward trust it. */
export interface ScanningSigner {
  identifier: string;
  /** The value of KEYWARD_SECRET_SCANNING_PUBLIC_KEYS, in GitHub's published format. */
  setting: string;
  publicKeyPem: string;
  /** Signs a body as GitHub does: base64 DER ECDSA P-256 / SHA-256 over the raw bytes. */
  sign(body: string): string;
  /** The headers of a report signed with this key. */
  headers(body: string): Record<string, string>;
}

export function createScanningSigner(identifier = "kid-test-1"): ScanningSigner {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const signWith = (key: KeyObject, body: string) => sign("sha256", Buffer.from(body, "utf8"), key).toString("base64");
  return {
    identifier,
    publicKeyPem,
    setting: JSON.stringify({ public_keys: [{ key_identifier: identifier, key: publicKeyPem, is_current: true }] }),
    sign: (body) => signWith(privateKey, body),
    headers: (body) => ({
      "content-type": "application/json",
      "github-public-key-identifier": identifier,
      "github-public-key-signature": signWith(privateKey, body),
    }),
  };
}
