import type { Command } from "commander";
import { presentPlan } from "../../limits/index.js";
import { withLimitsCliContext } from "../limits-cli-context.js";
import { printJson, printLine, printTable } from "../output.js";

export function registerPlanCommands(program: Command): void {
  const plans = program.command("plans").description("list plans (built in and KEYWARD_PLANS_FILE) and put workspaces on them");

  plans
    .command("list")
    .description("list the plans of this installation")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const { list, defaultPlan } = await withLimitsCliContext(async (ctx) => ({
        list: ctx.limits.listPlans().map(presentPlan),
        defaultPlan: ctx.limits.catalog.defaultPlanName,
      }));
      if (options.json) return printJson({ plans: list, defaultPlan });
      printTable(
        ["PLAN", "RATE LIMITS", "CONCURRENCY", "CREDITS/CYCLE", "RESET DAY"],
        list.map((plan) => [
          plan.name + (plan.name === defaultPlan ? " (default)" : ""),
          plan.rateLimits.join(", ") || "none",
          String(plan.concurrency),
          String(plan.creditsPerCycle),
          String(plan.cycleResetDay),
        ]),
      );
    });

  plans
    .command("set")
    .description("put a workspace on a plan (its limits apply at once; credits refill by the new plan from the next cycle)")
    .argument("<workspace>", "workspace slug")
    .argument("<plan>", "plan name (see plans list)")
    .option("--json", "print JSON")
    .action(async (slug: string, planName: string, options: { json?: boolean }) => {
      const plan = await withLimitsCliContext(async (ctx) => {
        const workspace = await ctx.workspaces.getBySlug(slug);
        return ctx.limits.setPlan(workspace.id, planName);
      });
      if (options.json) printJson({ workspace: slug, plan: presentPlan(plan) });
      else printLine(`Workspace ${slug} is now on plan ${plan.name}.`);
    });
}
