import { loadConfig } from "../config/index.js";
import { CreditService, CreditStore } from "../credits/index.js";
import { LimitsService, LimitsStore, loadPlanCatalog } from "../limits/index.js";
import { UsageService, UsageStore } from "../usage/index.js";
import { withCliContext, type CliContext } from "./cli-context.js";

/** The CLI context with plans (KEYWARD_PLANS_FILE, as the server reads it), credits and usage. */
export interface LimitsCliContext extends CliContext {
  limits: LimitsService;
  credits: CreditService;
  usage: UsageService;
}

export function withLimitsCliContext<T>(run: (context: LimitsCliContext) => Promise<T>): Promise<T> {
  return withCliContext((ctx) => {
    // Running servers drop their cached limits through the change feed.
    const limits = new LimitsService(new LimitsStore(ctx.db), loadPlanCatalog(loadConfig().plansFile));
    const credits = new CreditService(new CreditStore(ctx.db), (workspaceId) => limits.planOf(workspaceId));
    return run({ ...ctx, limits, credits, usage: new UsageService(new UsageStore(ctx.db)) });
  });
}
