import { redactKeys } from "../keys/redact.js";
import type { ApiError } from "./api-error.js";
import { ERROR_CATALOG, type Dialect } from "./catalog.js";

export interface RenderedError {
  status: number;
  body: Record<string, unknown>;
}

function catalogMessage(error: ApiError, dialect: Dialect): string {
  const template = ERROR_CATALOG[error.code][dialect];
  return template.replace("{retryAfter}", String(error.retryAfter ?? 60));
}

/**
 * Renders an ApiError in a surface's dialect:
 * registry → `{"error":{"code","message",…}}`, monitor → `{"success":false,"error":"…"}`.
 */
export function renderError(error: ApiError, dialect: Dialect): RenderedError {
  // Messages may quote what the client sent (an id, a package name); a key pasted there
  // must never come back, so every custom text passes through redaction here, in one place.
  const message = error.customMessage === undefined ? catalogMessage(error, dialect) : redactKeys(error.customMessage);
  if (dialect === "monitor") {
    const body: Record<string, unknown> = { success: false, error: message };
    if (error.retryAfter !== undefined) body.retry_after = error.retryAfter;
    return { status: error.status, body };
  }
  const entry = ERROR_CATALOG[error.code] as { wireCode?: string };
  const inner: Record<string, unknown> = { code: entry.wireCode ?? error.code, message };
  if (error.details !== undefined) {
    inner.details = error.details.map((problem) => ({ field: redactKeys(problem.field), message: redactKeys(problem.message) }));
  }
  if (error.retryAfter !== undefined) inner.retry_after = error.retryAfter;
  return { status: error.status, body: { error: inner } };
}
