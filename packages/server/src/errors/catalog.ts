/**
 * The one error catalog. Every error the API answers comes from here: a stable code,
 * its HTTP status, and the message each dialect promises. Routes never build error bodies.
 */
export const ERROR_CATALOG = {
  unauthorized: {
    status: 401,
    registry: "Invalid API key",
    monitor: "Invalid or missing API key",
  },
  // Answered as `unauthorized`, with a message that says how to send the key.
  bearer_required: {
    status: 401,
    wireCode: "unauthorized",
    registry: "Invalid authorization header. Use the Bearer prefix: 'Authorization: Bearer sk_live_…'",
    monitor: "Invalid or missing API key. Use the Bearer prefix: 'Authorization: Bearer sk_live_…'",
  },
  forbidden: {
    status: 403,
    registry: "Insufficient permissions",
    monitor: "Insufficient permissions",
  },
  // Answered as `forbidden`, with a message that says why.
  subscription_inactive: {
    status: 403,
    wireCode: "forbidden",
    registry: "The workspace subscription is inactive",
    monitor: "The workspace subscription is inactive",
  },
  insufficient_credits: {
    status: 403,
    registry: "Insufficient credits",
    monitor: "Insufficient credits",
  },
  validation_error: {
    status: 400,
    registry: "Invalid request",
    monitor: "Invalid request",
  },
  not_found: {
    status: 404,
    registry: "Not found",
    monitor: "Not found",
  },
  conflict: {
    status: 409,
    registry: "Conflict",
    monitor: "Conflict",
  },
  payload_too_large: {
    status: 413,
    registry: "Request body too large",
    monitor: "Request body too large",
  },
  unsupported_media_type: {
    status: 415,
    registry: "Unsupported content type; send application/json",
    monitor: "Unsupported content type; send application/json",
  },
  rate_limit_exceeded: {
    status: 429,
    registry: "Rate limit exceeded. Please retry after {retryAfter} seconds.",
    monitor: "Rate limit exceeded. Try again in {retryAfter} seconds.",
  },
  // Too many requests of a workspace in flight at once; answered as `rate_limit_exceeded`.
  concurrency_limit_exceeded: {
    status: 429,
    wireCode: "rate_limit_exceeded",
    registry: "Too many concurrent requests. Please retry after {retryAfter} seconds.",
    monitor: "Too many concurrent requests. Try again in {retryAfter} seconds.",
  },
  internal_error: {
    status: 500,
    registry: "Internal server error",
    monitor: "Internal server error",
  },
  bad_gateway: {
    status: 502,
    registry: "The upstream engine failed",
    monitor: "The upstream engine failed",
  },
  unavailable: {
    status: 503,
    registry: "Service temporarily unavailable",
    monitor: "Service temporarily unavailable",
  },
} as const satisfies Record<string, { status: number; registry: string; monitor: string; wireCode?: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** The body shape a surface answers in (DESIGN.md §3). */
export type Dialect = "registry" | "monitor";
