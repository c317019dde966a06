import { createHash, timingSafeEqual } from "node:crypto";
import { generateRandomBase62 } from "../keys/index.js";

// 43 base62 characters: about 256 bits, far beyond guessing.
const TOKEN_LENGTH = 43;

/**
 * A fresh secret for a session cookie, a setup link or similar: 43 random base62 characters.
 *
 * @example generateSecretToken() // "Jp0v3…" (43 characters)
 */
export function generateSecretToken(): string {
  return generateRandomBase62(TOKEN_LENGTH);
}

/**
 * What storage keeps of a token: its SHA-256, hex. Tokens carry ~256 bits, so a fast
 * unsalted hash is safe (nothing to brute-force) and a database leak reveals no live token.
 */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The CSRF token of a session, derived from its secret so nothing more is stored: only
 * someone who can read the session's own JSON (same origin) learns it, and it changes
 * with every new session.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash("sha256").update("keyward-csrf\0").update(sessionToken).digest("base64url");
}

/** Constant-time comparison, so response timing never reveals how much of a token matched. */
export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
