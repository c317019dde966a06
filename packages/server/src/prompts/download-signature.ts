import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Why a download link was refused; links are checked before anything is read from storage. */
export type DownloadCheck = { valid: true } | { valid: false; code: "INVALID" | "EXPIRED" };

/** 32 random bytes, base64url: the server's download-link key, generated once. */
export function generateDownloadSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The signature of a link to one context item until `expires` (Unix seconds). The item id and
 * the expiry are both signed: changing either, or moving a signature to another item, breaks it.
 *
 * @example signDownload(secret, "ctx_3kTMd0Cq1l8SzU9bV2xw7a", 1767225600) // "q0Z…" (43 characters)
 */
export function signDownload(secret: string, contextId: string, expires: number): string {
  return createHmac("sha256", Buffer.from(secret, "base64url")).update(`keyward-download:v1\n${contextId}\n${expires}`).digest("base64url");
}

/** Checks a link's signature (in constant time), then its expiry. */
export function checkDownload(secret: string, contextId: string, expires: number, signature: string, nowSeconds: number): DownloadCheck {
  const expected = Buffer.from(signDownload(secret, contextId, expires));
  const given = Buffer.from(signature);
  // Constant-time comparison: a timing difference must not reveal how much of a guess was right.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, code: "INVALID" };
  if (expires <= nowSeconds) return { valid: false, code: "EXPIRED" };
  return { valid: true };
}
