/** One field a request got wrong, as the API reports it in `error.details`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Everything the SDK throws on purpose extends this, so one `instanceof` catches them all. */
export class KeywardError extends Error {
  override name = "KeywardError";
}

/**
 * The key given to the client is missing or not a well-formed Keyward key. Thrown by the
 * constructor, before any request is sent. The message says what is wrong, never the key.
 */
export class InvalidApiKeyError extends KeywardError {
  override name = "InvalidApiKeyError";
}

export interface APIErrorInit {
  status: number;
  code: string;
  message: string;
  headers?: Headers;
  body?: unknown;
}

/**
 * The API answered with an error status. `code` is the API's error code (`validation_error`,
 * `not_found`, …); for the monitor dialect, which has none, it is derived from the status.
 *
 * @example
 * try { await client.prompts.get("@acme/welcome") }
 * catch (error) { if (error instanceof APIError) console.log(error.status, error.code) }
 */
export class APIError extends KeywardError {
  override name = "APIError";
  readonly status: number;
  readonly code: string;
  /** Response headers, for request ids and rate-limit counters. */
  readonly headers: Headers;
  /** The parsed response body (or its text when it was not JSON). */
  readonly body: unknown;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.headers = init.headers ?? new Headers();
    this.body = init.body;
  }
}

/** 400: the request is invalid. `fields` names each field at fault when the API says. */
export class ValidationError extends APIError {
  override name = "ValidationError";
  readonly fields: FieldProblem[];

  constructor(init: APIErrorInit & { fields?: FieldProblem[] }) {
    super(init);
    this.fields = init.fields ?? [];
  }
}

/** 401: the key is unknown, revoked or expired (the API does not say which). */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}

/** 403: the key lacks a scope, its workspace subscription is inactive, or credits ran out. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}

/** 404: the resource (or the route) does not exist. */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}

/** 409: the request conflicts with existing state, e.g. a reused idempotency key. */
export class ConflictError extends APIError {
  override name = "ConflictError";
}

/** 429: too many requests. `retryAfter` is in seconds, or `null` when the API gave none. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  readonly retryAfter: number | null;

  constructor(init: APIErrorInit & { retryAfter: number | null }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** The API could not be reached, or the connection broke before an answer came. */
export class APIConnectionError extends KeywardError {
  override name = "APIConnectionError";
}

/** No answer came within `timeoutMs`. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}
