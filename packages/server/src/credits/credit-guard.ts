import type { FastifyReply, FastifyRequest } from "fastify";
import type { RequestGuard, VerifiedKey } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import type { KeyLimitsCache, Plan } from "../limits/index.js";
import { setCreditHeaders } from "./credit-headers.js";
import type { CreditService } from "./credit-service.js";
import "./route-cost.js";

/**
 * The credits step of the request path: a route with a `cost` takes it from the key's
 * workspace in one atomic statement before the handler runs (so concurrent requests can
 * never spend a credit twice), or answers 403 `insufficient_credits`. Sandbox keys
 * (`sk_test_…`) are never charged. Free routes never touch storage.
 *
 * @example app.post("/v1/monitor", { config: { auth: { scope: "monitor:run" }, dialect: "monitor", cost: 1 } }, run)
 */
export function createCreditGuard(credits: CreditService, limits: KeyLimitsCache): RequestGuard {
  async function charge(request: FastifyRequest, reply: FastifyReply, key: VerifiedKey, plan: Plan, cost: number) {
    const charged = await credits.charge(key.workspaceId, plan, cost);
    if (charged === null) return new ApiError("insufficient_credits");
    request.creditCharge = charged;
    setCreditHeaders(reply, charged.credits, charged.remaining);
    return null;
  }

  return {
    name: "credits",
    afterVerify(request, reply, key) {
      const cost = request.routeOptions.config.cost;
      if (cost === undefined || cost <= 0 || key.environment === "test") return null;
      const resolved = limits.get(key.id, key.workspaceId);
      if (resolved instanceof Promise) return resolved.then((loaded) => charge(request, reply, key, loaded.plan, cost));
      return charge(request, reply, key, resolved.plan, cost);
    },
  };
}
