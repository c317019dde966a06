import type { FastifyReply } from "fastify";

/** `X-Credits-Charged` and `X-Credits-Remaining` on an answer to a charged route. */
export function setCreditHeaders(reply: FastifyReply, charged: number, remaining: number): void {
  reply.header("x-credits-charged", charged);
  reply.header("x-credits-remaining", remaining);
}
