import type { FastifyReply } from "fastify";
import type { WindowState } from "./rate-limit-store.js";

/**
 * `X-RateLimit-Limit`, `-Remaining` and `-Reset` (Unix seconds) for the window that will
 * run out first, on every answer to a key that was counted.
 */
export function setRateLimitHeaders(reply: FastifyReply, state: WindowState): void {
  reply.header("x-ratelimit-limit", state.limit);
  reply.header("x-ratelimit-remaining", state.remaining);
  reply.header("x-ratelimit-reset", Math.ceil(state.resetAt / 1000));
}
