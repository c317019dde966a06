import type { Command } from "commander";
import { formatRateWindow, MAX_KEY_WINDOWS, parseRateWindow, type KeyLimitsView, type RateWindow } from "../../limits/index.js";
import { UsageError } from "../cli-errors.js";
import { withLimitsCliContext } from "../limits-cli-context.js";
import { printJson, printLine } from "../output.js";

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseLimits(values: string[]): RateWindow[] {
  if (values.length > MAX_KEY_WINDOWS) throw new UsageError(`a key takes at most ${MAX_KEY_WINDOWS} --limit windows`);
  return values.map((value) => {
    const window = parseRateWindow(value);
    if (!window) throw new UsageError(`--limit takes a window such as 100/minute or 5000/hour, got "${value}"`);
    return window;
  });
}

function presentKeyLimits(view: KeyLimitsView) {
  return { keyId: view.keyId, plan: view.plan, source: view.source, rateLimits: view.windows.map(formatRateWindow) };
}

/** `keyward keys set-limit`: a key's own rate-limit windows, replacing its plan's. */
export function registerKeyLimitCommand(keys: Command): void {
  keys
    .command("set-limit")
    .description("give a key its own rate limits (they replace its plan's), or --clear them")
    .argument("<id>", "key id (key_…)")
    .option("--limit <window>", "a window such as 100/minute; repeat for several", collect, [])
    .option("--clear", "remove the key's own limits: its plan's apply again")
    .option("--json", "print JSON")
    .action(async (id: string, options: { limit: string[]; clear?: boolean; json?: boolean }) => {
      if (options.clear && options.limit.length > 0) throw new UsageError("use either --limit or --clear, not both");
      if (!options.clear && options.limit.length === 0) throw new UsageError("give at least one --limit 100/minute, or --clear");
      const windows = options.clear ? null : parseLimits(options.limit);
      const view = await withLimitsCliContext(async (ctx) => {
        const key = await ctx.keys.get(id);
        return ctx.limits.setKeyWindows(key.id, key.workspaceId, windows);
      });
      const shown = presentKeyLimits(view);
      if (options.json) return printJson(shown);
      printLine(
        view.source === "key"
          ? `Key ${id} is limited to ${shown.rateLimits.join(", ")}.`
          : `Key ${id} follows its plan (${view.plan}) again: ${shown.rateLimits.join(", ") || "no rate limit"}.`,
      );
    });
}
