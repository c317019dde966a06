import { ERROR_CATALOG, type ErrorCode } from "./catalog.js";

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error the API answers on purpose. Throw it from services and routes; the error
 * handler renders it in the route's dialect. `message` overrides the catalog text when
 * the caller knows something more useful (it must never contain a secret).
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: FieldProblem[] | undefined;
  readonly retryAfter: number | undefined;
  readonly customMessage: string | undefined;

  constructor(code: ErrorCode, options: { message?: string; details?: FieldProblem[]; retryAfter?: number } = {}) {
    super(options.message ?? ERROR_CATALOG[code].registry);
    this.name = "ApiError";
    this.code = code;
    this.status = ERROR_CATALOG[code].status;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
    this.customMessage = options.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
