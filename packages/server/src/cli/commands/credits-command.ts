import type { Command } from "commander";
import { presentCreditBalance, type CreditBalance } from "../../credits/index.js";
import { UsageError } from "../cli-errors.js";
import { withLimitsCliContext } from "../limits-cli-context.js";
import { printJson, printLine } from "../output.js";

function describeBalance(slug: string, balance: CreditBalance): string {
  const shown = presentCreditBalance(balance);
  return `${slug}: ${shown.remaining} of ${shown.perCycle} credits left this cycle; refills ${shown.cycleResetsAt}`;
}

function parseCredits(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1) throw new UsageError(`credits must be a whole number from 1, got "${raw}"`);
  return Number(raw);
}

export function registerCreditCommands(program: Command): void {
  const credits = program.command("credits").description("show and grant a workspace's credits");

  credits
    .command("show")
    .description("show a workspace's credits in the current billing cycle")
    .argument("<workspace>", "workspace slug")
    .option("--json", "print JSON")
    .action(async (slug: string, options: { json?: boolean }) => {
      const balance = await withLimitsCliContext(async (ctx) => ctx.credits.balanceOf((await ctx.workspaces.getBySlug(slug)).id));
      if (options.json) printJson({ workspace: slug, ...presentCreditBalance(balance) });
      else printLine(describeBalance(slug, balance));
    });

  credits
    .command("grant")
    .description("add credits to a workspace's current billing cycle")
    .argument("<workspace>", "workspace slug")
    .argument("<credits>", "how many, e.g. 500")
    .option("--json", "print JSON")
    .action(async (slug: string, raw: string, options: { json?: boolean }) => {
      const amount = parseCredits(raw);
      const balance = await withLimitsCliContext(async (ctx) => ctx.credits.grant((await ctx.workspaces.getBySlug(slug)).id, amount));
      if (options.json) printJson({ workspace: slug, granted: amount, ...presentCreditBalance(balance) });
      else printLine(`Granted ${amount} credits. ${describeBalance(slug, balance)}`);
    });
}
