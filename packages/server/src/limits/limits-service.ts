import { ApiError } from "../errors/index.js";
import type { LimitsStore } from "./limits-store.js";
import type { PlanCatalog } from "./plan-catalog.js";
import type { Plan } from "./plans.js";
import { formatRateWindow, MAX_WINDOW_LIMIT, normalizeWindows, type RateWindow } from "./rate-window.js";

/** A key's limits as the CLI and the dashboard show them. */
export interface KeyLimitsView {
  keyId: string;
  plan: string;
  /** `key`: the key's own windows; `plan`: its workspace plan's. */
  source: "key" | "plan";
  windows: RateWindow[];
}

export const MAX_KEY_WINDOWS = 4;

/** A plan for output: windows written as `100/minute`. */
export function presentPlan(plan: Plan) {
  return {
    name: plan.name,
    rateLimits: plan.rateLimits.map(formatRateWindow),
    concurrency: plan.concurrency,
    creditsPerCycle: plan.creditsPerCycle,
    cycleResetDay: plan.cycleResetDay,
  };
}

/**
 * Plans and per-key windows: the rules shared by the CLI and the dashboard. Changes are
 * stored with a workspace change event (other processes drop their cached limits);
 * `onWorkspaceChanged` drops this process's at once.
 *
 * @example
 * await limits.setPlan(workspace.id, "pro");
 * await limits.setKeyWindows(key.id, key.workspaceId, [{ limit: 100, seconds: 60 }]);
 */
export class LimitsService {
  constructor(
    private readonly store: LimitsStore,
    readonly catalog: PlanCatalog,
    private readonly onWorkspaceChanged: (workspaceId: string) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

  listPlans(): Plan[] {
    return this.catalog.list();
  }

  /** The plan a workspace is on (the default plan when its stored one is not defined). */
  async planOf(workspaceId: string): Promise<Plan> {
    return this.catalog.resolve((await this.store.planOf(workspaceId)) ?? this.catalog.defaultPlanName);
  }

  async setPlan(workspaceId: string, planName: string): Promise<Plan> {
    if (!this.catalog.has(planName)) {
      const known = this.catalog.list().map((plan) => plan.name).join(", ");
      throw new ApiError("validation_error", {
        message: `Unknown plan "${planName.slice(0, 40)}"; plans: ${known}`,
        details: [{ field: "plan", message: "is not a defined plan" }],
      });
    }
    if (!(await this.store.setPlan(workspaceId, planName))) throw new ApiError("not_found", { message: "Workspace not found" });
    this.onWorkspaceChanged(workspaceId);
    return this.catalog.resolve(planName);
  }

  async keyLimits(keyId: string, workspaceId: string): Promise<KeyLimitsView> {
    const record = await this.store.keyLimits(keyId, workspaceId);
    const plan = this.catalog.resolve(record?.plan ?? this.catalog.defaultPlanName);
    const own = record?.windows ?? null;
    return { keyId, plan: plan.name, source: own ? "key" : "plan", windows: own ?? plan.rateLimits };
  }

  /** Gives a key its own windows (they replace its plan's), or with null takes them away. */
  async setKeyWindows(keyId: string, workspaceId: string, windows: RateWindow[] | null): Promise<KeyLimitsView> {
    if (windows !== null) {
      const invalid = windows.length === 0 || windows.length > MAX_KEY_WINDOWS || windows.some((w) => !Number.isSafeInteger(w.limit) || w.limit < 1 || w.limit > MAX_WINDOW_LIMIT);
      if (invalid) {
        throw new ApiError("validation_error", {
          message: `A key takes 1 to ${MAX_KEY_WINDOWS} windows such as 100/minute`,
          details: [{ field: "limit", message: "is invalid" }],
        });
      }
    }
    await this.store.setKeyWindows(keyId, workspaceId, windows === null ? null : normalizeWindows(windows), this.now());
    this.onWorkspaceChanged(workspaceId);
    return this.keyLimits(keyId, workspaceId);
  }
}
