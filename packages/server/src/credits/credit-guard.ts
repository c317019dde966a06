import type { RequestGuard } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import type { KeyLimitsCache } from "../limits/index.js";
import { thenMaybe } from "../limits/index.js";
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
  return {
    name: "credits",
    afterVerify(request, reply, key) {
      const cost = request.routeOptions.config.cost;
      if (cost === undefined || cost <= 0 || key.environment === "test") return null;
      return thenMaybe(limits.get(key.id, key.workspaceId), async (resolved) => {
        const charge = await credits.charge(key.workspaceId, resolved.plan, cost);
        if (charge === null) return new ApiError("insufficient_credits");
        request.creditCharge = charge;
        setCreditHeaders(reply, charge.credits, charge.remaining);
        return null;
      });
    },
  };
}
