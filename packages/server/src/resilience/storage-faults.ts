/** Socket errors that mean the database server cannot be reached. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * PostgreSQL SQLSTATEs of an unreachable or overloaded server: class 08 (connection
 * exception), 57P01–57P03 (shutting down, cannot connect now), 53300 (too many connections).
 * SQLite's busy and locked errors mean the same for an embedded database.
 */
const DATABASE_CODES = new Set(["57P01", "57P02", "57P03", "53300", "SQLITE_BUSY", "SQLITE_LOCKED"]);

/** What node-postgres says when a connection or a query times out or drops. */
const DRIVER_MESSAGES = /connection terminated|timeout exceeded when trying to connect|query read timeout|connection timeout|client has encountered a connection error|cannot use a pool after calling end/i;

/**
 * Whether an error means storage is unavailable (down, unreachable, timing out) rather
 * than that the request or the code is wrong: the first is a 503 and worth retrying, the
 * second stays a 500. Follows `cause` and aggregated errors, as drivers wrap them.
 *
 * @example
 * if (isStorageUnavailable(error)) throw new ApiError("unavailable");
 */
export function isStorageUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 4) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || DATABASE_CODES.has(code) || code.startsWith("08"))) return true;
  if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isStorageUnavailable(inner, depth + 1))) return true;
  return cause !== undefined && isStorageUnavailable(cause, depth + 1);
}
