export type ParsedAuthorization =
  | { kind: "missing" }
  | { kind: "bad_scheme" }
  | { kind: "token"; token: string };

const MISSING: ParsedAuthorization = { kind: "missing" };
const BAD_SCHEME: ParsedAuthorization = { kind: "bad_scheme" };

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Reads `Authorization: Bearer <token>` (RFC 6750 §2.1). The scheme is matched
 * case-insensitively and may be followed by several spaces; anything else, including
 * a bare key with no scheme, is `bad_scheme` so the answer can say to use `Bearer`.
 */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (header === undefined) return MISSING;
  let start = 0;
  let end = header.length;
  while (start < end && isSpace(header.charCodeAt(start))) start++;
  while (end > start && isSpace(header.charCodeAt(end - 1))) end--;
  if (start === end) return MISSING;
  if (end - start < 7 || header.slice(start, start + 6).toLowerCase() !== "bearer" || !isSpace(header.charCodeAt(start + 6))) {
    return BAD_SCHEME;
  }
  let tokenStart = start + 7;
  while (tokenStart < end && isSpace(header.charCodeAt(tokenStart))) tokenStart++;
  return { kind: "token", token: header.slice(tokenStart, end) };
}
