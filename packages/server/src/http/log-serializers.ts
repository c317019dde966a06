import type { FastifyRequest } from "fastify";
import { redactKeys } from "../keys/index.js";

/**
 * What a request log line shows: never headers, and the URL with anything key-shaped cut
 * out (keys get pasted into query strings and paths).
 *
 * @example Fastify({ logger: { serializers: { req: serializeRequest } } })
 */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactKeys(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}
