import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiError } from "../errors/index.js";
import type { RouteAuth } from "../http/fastify-augment.js";
import type { VerifyOutcome } from "./key-verifier.js";
import type { VerifiedKey } from "./verified-key.js";

/** A refusal, or null to let the request go on. May be a promise when it must read storage. */
export type GuardDecision = ApiError | null | Promise<ApiError | null>;

/**
 * Steps features add to the request path without editing it. Each runs only on routes
 * that need a key. Keep them synchronous on the common path: a cache hit should never
 * wait on the event loop.
 */
export interface RequestGuard {
  /** A name for logs and tests. */
  name: string;
  /** Before the key is verified, e.g. an IP that sent too many bad keys. */
  beforeVerify?(request: FastifyRequest, auth: RouteAuth): GuardDecision;
  /** After a refused key (missing, malformed, unknown, revoked, expired). */
  onRefused?(request: FastifyRequest, outcome: Extract<VerifyOutcome, { valid: false }>): void;
  /** After a valid key passed its own scope check: membership, subscription, limits, credits. */
  afterVerify?(request: FastifyRequest, reply: FastifyReply, key: VerifiedKey, auth: RouteAuth): GuardDecision;
}
