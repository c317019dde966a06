import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { appendRouteHook } from "../http/route-hooks.js";
import type { UsageRecorder } from "../usage/index.js";
import { setCreditHeaders } from "./credit-headers.js";
import type { CreditService } from "./credit-service.js";
import "./route-cost.js";

/**
 * Settles the charges the credit guard took, on routes that have a cost:
 * - an answer with an error status (4xx or 5xx) gives the charge back before it is sent,
 *   and says so in its headers (`X-Credits-Charged: 0`): only answers are paid for;
 * - a charge that stands is added to the key's usage.
 * Call before any route is registered.
 *
 * @example installCreditHooks(app, credits, usage);
 */
export function installCreditHooks(
  app: FastifyInstance,
  credits: CreditService,
  usage: UsageRecorder,
  onError: (error: unknown) => void = () => {},
): void {
  app.decorateRequest("creditCharge", null);

  async function refundFailedRequest(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const charge = request.creditCharge;
    if (charge === null || reply.statusCode < 400) return payload;
    try {
      const remaining = await credits.refund(charge);
      request.creditCharge = null;
      setCreditHeaders(reply, 0, remaining ?? charge.remaining);
    } catch (error) {
      // The charge stands (and is counted); the answer still goes out.
      onError(error);
    }
    return payload;
  }

  function recordCharge(request: FastifyRequest, reply: FastifyReply, done: () => void) {
    const charge = request.creditCharge;
    const key = request.apiKey;
    if (charge !== null && key !== null) usage.recordCredits(key.id, key.workspaceId, reply.statusCode, charge.credits);
    done();
  }

  app.addHook("onRoute", function addCreditSettlement(route) {
    const cost = route.config?.cost;
    if (route.config?.auth === undefined || cost === undefined || cost <= 0) return;
    appendRouteHook(route, "onSend", refundFailedRequest);
    appendRouteHook(route, "onResponse", recordCharge);
  });
}
