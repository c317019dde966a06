import { readFileSync } from "node:fs";
import { ConfigError } from "../config/index.js";
import { BUILT_IN_PLANS, DEFAULT_PLAN_NAME, type Plan } from "./plans.js";
import { normalizeWindows, parseRateWindow, type RateWindow } from "./rate-window.js";

const PLAN_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * The plans of this installation, by name. A workspace whose stored plan is no longer
 * defined gets the default plan, so removing a plan from the file never unlimits anyone.
 *
 * @example
 * const catalog = new PlanCatalog(BUILT_IN_PLANS);
 * catalog.resolve("pro").concurrency // 25
 */
export class PlanCatalog {
  private readonly byName: Map<string, Plan>;

  constructor(
    plans: readonly Plan[],
    readonly defaultPlanName: string = DEFAULT_PLAN_NAME,
  ) {
    this.byName = new Map(plans.map((plan) => [plan.name, plan]));
    if (!this.byName.has(defaultPlanName)) throw new ConfigError(`the default plan "${defaultPlanName}" is not defined`);
  }

  /** The named plan, or the default plan for a name that is not (or no longer) defined. */
  resolve(name: string): Plan {
    return this.byName.get(name) ?? this.byName.get(this.defaultPlanName)!;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  list(): Plan[] {
    return [...this.byName.values()];
  }
}

function fail(file: string, message: string): never {
  throw new ConfigError(`plans file ${file}: ${message}`);
}

/** Reads `["100/minute", "5000/hour"]`; throws ConfigError naming the bad entry. */
export function parseWindowList(values: unknown, where: string): RateWindow[] {
  if (!Array.isArray(values)) throw new ConfigError(`${where} must be a list such as ["100/minute", "5000/hour"]`);
  const windows = values.map((value) => {
    const window = typeof value === "string" ? parseRateWindow(value) : null;
    if (!window) throw new ConfigError(`${where}: "${String(value)}" is not a window such as 100/minute`);
    return window;
  });
  return normalizeWindows(windows);
}

function readCount(file: string, plan: string, field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(file, `plans.${plan}.${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function readPlan(file: string, name: string, raw: unknown): Plan {
  if (!PLAN_NAME.test(name)) fail(file, `plan name "${name}" must be 1-40 lower-case letters, digits, - or _`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(file, `plans.${name} must be an object`);
  const entry = raw as Record<string, unknown>;
  const known = new Set(["rateLimits", "concurrency", "creditsPerCycle", "cycleResetDay"]);
  const unknown = Object.keys(entry).filter((field) => !known.has(field));
  if (unknown.length > 0) fail(file, `plans.${name} has unknown field(s) ${unknown.join(", ")}`);
  let rateLimits: RateWindow[];
  try {
    rateLimits = parseWindowList(entry.rateLimits, `plans.${name}.rateLimits`);
  } catch (error) {
    fail(file, (error as Error).message);
  }
  return {
    name,
    rateLimits,
    concurrency: readCount(file, name, "concurrency", entry.concurrency, 1, 1_000_000),
    creditsPerCycle: readCount(file, name, "creditsPerCycle", entry.creditsPerCycle, 0, Number.MAX_SAFE_INTEGER),
    cycleResetDay: readCount(file, name, "cycleResetDay", entry.cycleResetDay ?? 1, 1, 28),
  };
}

/**
 * The built-in plans, with the plans file's entries on top: a plan of the same name is
 * replaced whole, a new name is added. The file may also name the default plan.
 *
 * ```json
 * { "defaultPlan": "free",
 *   "plans": { "team": { "rateLimits": ["500/minute", "20000/hour"], "concurrency": 10,
 *                        "creditsPerCycle": 5000, "cycleResetDay": 15 } } }
 * ```
 *
 * @example loadPlanCatalog(process.env.KEYWARD_PLANS_FILE)
 */
export function loadPlanCatalog(file: string | undefined): PlanCatalog {
  if (file === undefined) return new PlanCatalog(BUILT_IN_PLANS);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    fail(file, error instanceof SyntaxError ? `is not valid JSON (${error.message})` : "cannot be read");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) fail(file, "must hold a JSON object");
  const document = parsed as Record<string, unknown>;
  const unknown = Object.keys(document).filter((field) => field !== "plans" && field !== "defaultPlan");
  if (unknown.length > 0) fail(file, `unknown field(s) ${unknown.join(", ")} (expected plans, defaultPlan)`);
  const plans = new Map(BUILT_IN_PLANS.map((plan) => [plan.name, plan]));
  const entries = document.plans ?? {};
  if (typeof entries !== "object" || entries === null || Array.isArray(entries)) fail(file, "plans must be an object of plans by name");
  for (const [name, raw] of Object.entries(entries)) plans.set(name, readPlan(file, name, raw));
  const defaultPlan = document.defaultPlan ?? DEFAULT_PLAN_NAME;
  if (typeof defaultPlan !== "string" || !plans.has(defaultPlan)) fail(file, `defaultPlan "${String(defaultPlan)}" is not a defined plan`);
  return new PlanCatalog([...plans.values()], defaultPlan);
}
