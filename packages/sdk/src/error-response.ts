import {
  APIError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
  type APIErrorInit,
  type FieldProblem,
} from "./errors.js";
import { parseRetryAfterMs } from "./retry.js";

// The monitor dialect carries no code; these are the registry codes for the same statuses.
const CODE_BY_STATUS: Record<number, string> = {
  400: "validation_error",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limit_exceeded",
  500: "internal_error",
  502: "bad_gateway",
  503: "unavailable",
};

interface ParsedErrorBody {
  code: string | undefined;
  message: string | undefined;
  details: FieldProblem[];
  retryAfter: number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readDetails(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .map((entry) => ({ field: String(entry.field ?? ""), message: String(entry.message ?? "") }));
}

function readRetryAfter(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Reads both error dialects (DESIGN.md §3):
 * registry `{"error":{"code","message","details"?,"retry_after"?}}` and
 * monitor `{"success":false,"error":"…","retry_after"?}`.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const parsed: ParsedErrorBody = { code: undefined, message: undefined, details: [], retryAfter: undefined };
  if (!isRecord(body)) return parsed;
  const error = body.error;
  if (isRecord(error)) {
    if (typeof error.code === "string") parsed.code = error.code;
    if (typeof error.message === "string") parsed.message = error.message;
    parsed.details = readDetails(error.details);
    parsed.retryAfter = readRetryAfter(error.retry_after);
  } else if (typeof error === "string") {
    parsed.message = error;
    parsed.retryAfter = readRetryAfter(body.retry_after);
  } else if (typeof body.message === "string") {
    parsed.message = body.message;
  }
  return parsed;
}

/** Seconds to wait after a 429: the `Retry-After` header first, then the body's `retry_after`. */
function retryAfterSeconds(headers: Headers, fromBody: number | undefined): number | null {
  const header = parseRetryAfterMs(headers.get("retry-after"));
  if (header !== null) return header / 1000;
  return fromBody ?? null;
}

/**
 * Turns an error response into the typed error for its status.
 * `redact` scrubs anything secret from the message before it is stored.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown, redact: (text: string) => string): APIError {
  const parsed = parseErrorBody(body);
  const init: APIErrorInit = {
    status,
    code: parsed.code ?? CODE_BY_STATUS[status] ?? `http_${status}`,
    message: redact(parsed.message ?? `Request failed with status ${status}`),
    headers,
    body,
  };
  switch (status) {
    case 400:
      return new ValidationError({ ...init, fields: parsed.details });
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionDeniedError(init);
    case 404:
      return new NotFoundError(init);
    case 409:
      return new ConflictError(init);
    case 429:
      return new RateLimitError({ ...init, retryAfter: retryAfterSeconds(headers, parsed.retryAfter) });
    default:
      return new APIError(init);
  }
}
