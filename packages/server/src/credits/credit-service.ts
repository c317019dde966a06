import { ApiError } from "../errors/index.js";
import type { Plan } from "../limits/plans.js";
import { billingCycleAt } from "./billing-cycle.js";
import type { CreditCharge, CreditStore } from "./credit-store.js";

/** A workspace's credits as the API and the dashboard show them. */
export interface CreditBalance {
  remaining: number;
  perCycle: number;
  /** When the next cycle starts and the balance refills (Unix ms). */
  cycleResetsAt: number;
}

export const MAX_GRANT = 1_000_000_000;

/**
 * Credits per workspace and billing cycle: charging a request, giving it back when the
 * request failed, granting more, and reading the balance. A cycle's balance starts at
 * the plan's `creditsPerCycle`; a workspace's first charge (or the first after its cycle
 * ended) starts the cycle it falls in. Grants add to the current cycle only.
 *
 * @example
 * const charge = await credits.charge("ws_abc", plan, 5); // null: not enough credits
 * if (charge && failed) await credits.refund(charge);
 */
export class CreditService {
  constructor(
    private readonly store: CreditStore,
    private readonly planOf: (workspaceId: string) => Promise<Plan>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `credits` from the workspace's balance, or answers null when it has fewer. */
  async charge(workspaceId: string, plan: Plan, credits: number): Promise<CreditCharge | null> {
    const now = this.now();
    const charged = await this.store.charge(workspaceId, credits, now);
    if (charged) return charged;
    // No balance yet, or its cycle is over: start the current one, then try once more.
    await this.store.startCycleIfOver(workspaceId, billingCycleAt(now, plan.cycleResetDay), plan.creditsPerCycle, now);
    return this.store.charge(workspaceId, credits, now);
  }

  /** Gives a charge back; the balance after it, or null when its cycle has ended. */
  refund(charge: CreditCharge): Promise<number | null> {
    return this.store.refund(charge, this.now());
  }

  async balanceOf(workspaceId: string): Promise<CreditBalance> {
    const plan = await this.planOf(workspaceId);
    const now = this.now();
    const stored = await this.store.find(workspaceId);
    // Not charged yet this cycle: the balance is what a new cycle brings, nothing is written.
    if (stored === null || stored.cycleResetsAt <= now) {
      return { remaining: plan.creditsPerCycle, perCycle: plan.creditsPerCycle, cycleResetsAt: billingCycleAt(now, plan.cycleResetDay).resetsAt };
    }
    return { remaining: stored.balance, perCycle: plan.creditsPerCycle, cycleResetsAt: stored.cycleResetsAt };
  }

  /** Adds credits to the current cycle (they do not carry over to the next one). */
  async grant(workspaceId: string, credits: number): Promise<CreditBalance> {
    if (!Number.isSafeInteger(credits) || credits < 1 || credits > MAX_GRANT) {
      throw new ApiError("validation_error", {
        message: `credits must be an integer from 1 to ${MAX_GRANT}`,
        details: [{ field: "credits", message: "is out of range" }],
      });
    }
    const plan = await this.planOf(workspaceId);
    const now = this.now();
    await this.store.startCycleIfOver(workspaceId, billingCycleAt(now, plan.cycleResetDay), plan.creditsPerCycle, now);
    await this.store.add(workspaceId, credits, now);
    return this.balanceOf(workspaceId);
  }
}
