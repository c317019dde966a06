import type { FastifyRequest } from "fastify";
import type { VerifiedKey } from "../auth/index.js";
import { ApiError } from "../errors/index.js";

/** The verified key of a route that requires one (its `auth` config guarantees it). */
export function requestKey(request: FastifyRequest): VerifiedKey {
  if (request.apiKey === null) throw new ApiError("unauthorized");
  return request.apiKey;
}
