import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, isApiError, type FieldProblem } from "../errors/index.js";
import { redactKeys } from "../keys/index.js";
import { dialectOf, sendApiError } from "./send-error.js";
import { isStorageUnavailable } from "../resilience/index.js";

interface ValidationEntry {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldOf(entry: ValidationEntry, context: string | undefined): string {
  const missing = entry.params?.missingProperty;
  const extra = entry.params?.additionalProperty;
  const path = (entry.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
  const leaf = typeof missing === "string" ? missing : typeof extra === "string" ? extra : "";
  // Field names come from the client and are echoed back: a key sent as one must not be.
  const field = redactKeys([path, leaf].filter(Boolean).join("."));
  return field || context || "body";
}

function describe(entry: ValidationEntry): string {
  if (typeof entry.params?.additionalProperty === "string") return "is not a known field";
  if (typeof entry.params?.missingProperty === "string") return "is required";
  return entry.message ?? "is invalid";
}

/** Turns schema failures into `validation_error` naming each field. */
function validationToApiError(error: FastifyError): ApiError {
  const entries = (error.validation ?? []) as ValidationEntry[];
  const details: FieldProblem[] = entries.map((entry) => ({
    field: fieldOf(entry, error.validationContext),
    message: describe(entry),
  }));
  const message = details.map((d) => `${d.field} ${d.message}`).join("; ") || "Invalid request";
  return new ApiError("validation_error", { message, details });
}

/** Maps Fastify's own client errors (bad JSON, too large, wrong type) to catalog errors. */
function clientErrorToApiError(error: FastifyError): ApiError {
  switch (error.statusCode) {
    case 413:
      return new ApiError("payload_too_large");
    case 415:
      return new ApiError("unsupported_media_type");
    case 404:
      return new ApiError("not_found");
    default:
      // Fastify's parser messages can quote the body; never echo it (it may hold a key).
      return new ApiError("validation_error", {
        message: error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ? "Request body is empty" : "Request body is not valid JSON",
      });
  }
}

/** PostgreSQL's "invalid byte sequence" (22021) and "untranslatable character" (22P05). */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "22021" || code === "22P05";
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const dialect = dialectOf(request);
    if (isApiError(error)) return sendApiError(reply, error, dialect);
    if (error.validation) return sendApiError(reply, validationToApiError(error), dialect);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendApiError(reply, clientErrorToApiError(error), dialect);
    }
    // PostgreSQL refuses NUL and some other bytes in text that SQLite stores; that is bad
    // input from the client (400), wherever in the request it came from.
    if (isUnstorableText(error)) {
      return sendApiError(reply, new ApiError("validation_error", { message: "Text must not contain NUL characters" }), dialect);
    }
    // Storage down or timing out is an outage to retry (503), not a bug (500).
    if (isStorageUnavailable(error)) {
      request.log.warn({ err: error }, "storage unavailable");
      return sendApiError(reply, new ApiError("unavailable"), dialect);
    }
    request.log.error({ err: error }, "request failed");
    return sendApiError(reply, new ApiError("internal_error"), dialect);
  });

  app.setNotFoundHandler(function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
    // Echo the path without anything shaped like a key: people do paste keys into URLs.
    const path = redactKeys((request.url.split("?")[0] ?? "").slice(0, 200));
    const error = new ApiError("not_found", { message: `Route not found: ${request.method} ${path}` });
    sendApiError(reply, error, dialectOf(request));
  });
}
