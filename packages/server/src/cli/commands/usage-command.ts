import type { Command } from "commander";
import { DAILY_RETENTION_DAYS, HOURLY_RETENTION_DAYS } from "../../usage/index.js";
import { withLimitsCliContext } from "../limits-cli-context.js";
import { printJson, printLine } from "../output.js";

export function registerUsageCommands(program: Command): void {
  const usage = program.command("usage").description("maintain usage analytics");

  usage
    .command("compact")
    .description(`roll hourly usage older than ${HOURLY_RETENTION_DAYS} days into daily rows; delete daily rows older than ${DAILY_RETENTION_DAYS} days`)
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const result = await withLimitsCliContext((ctx) => ctx.usage.compact());
      if (options.json) printJson(result);
      else printLine(`Rolled ${result.hourlyRolledUp} hourly rows into daily rows; deleted ${result.dailyDeleted} daily rows past retention.`);
    });
}
