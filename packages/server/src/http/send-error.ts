import type { FastifyReply, FastifyRequest } from "fastify";
import { ApiError, renderError, type Dialect, type ErrorCode } from "../errors/index.js";

/** The dialect a request answers in: the route's, or by path for requests no route matched. */
export function dialectOf(request: FastifyRequest): Dialect {
  const configured = request.routeOptions.config?.dialect;
  if (configured) return configured;
  return request.url.startsWith("/v1/monitor") || request.url.startsWith("/v1/async") ? "monitor" : "registry";
}

// Errors the request path sends thousands of times a second are rendered once.
const prerendered = new Map<string, string>();

function prerender(code: ErrorCode, dialect: Dialect): string {
  const cacheKey = `${code}:${dialect}`;
  let body = prerendered.get(cacheKey);
  if (body === undefined) {
    body = JSON.stringify(renderError(new ApiError(code), dialect).body);
    prerendered.set(cacheKey, body);
  }
  return body;
}

/** Answers a catalog error with its catalog message, without allocating an Error. */
export function sendCatalogError(reply: FastifyReply, code: ErrorCode, dialect: Dialect, status: number): void {
  if (status === 401) reply.header("www-authenticate", 'Bearer realm="keyward"');
  reply.code(status).type("application/json; charset=utf-8").send(prerender(code, dialect));
}

export function sendApiError(reply: FastifyReply, error: ApiError, dialect: Dialect): void {
  const rendered = renderError(error, dialect);
  if (error.retryAfter !== undefined) reply.header("retry-after", String(error.retryAfter));
  if (rendered.status === 401) reply.header("www-authenticate", 'Bearer realm="keyward"');
  reply.code(rendered.status).type("application/json; charset=utf-8").send(rendered.body);
}
