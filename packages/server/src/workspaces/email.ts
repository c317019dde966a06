import { ApiError } from "../errors/index.js";

// Deliberately simple: one @, no spaces or control characters, a dot in the domain. The
// real check of an address is a message reaching it; this only catches typos.
const EMAIL_PATTERN = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;
const MAX_EMAIL_LENGTH = 254;

/**
 * Trims and lower-cases an email address and checks its shape; throws `validation_error`.
 * Every address is stored normalised, so the unique index is case-insensitive in effect.
 *
 * @example normalizeEmail("  Ada@Example.COM ") // "ada@example.com"
 */
export function normalizeEmail(raw: string, field = "email"): string {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw new ApiError("validation_error", {
      message: `${field} must be an email address such as ada@example.com`,
      details: [{ field, message: "is not an email address" }],
    });
  }
  return email;
}
