import type { Command } from "commander";
import { CLI_ACTOR } from "../../audit/index.js";
import { presentWorkspace } from "../../workspaces/index.js";
import { withCliContext } from "../cli-context.js";
import { printJson, printLine, printTable } from "../output.js";
import { parseSubscriptionStatus } from "../parse-people-options.js";

export function registerWorkspaceCommands(program: Command): void {
  const workspaces = program.command("workspaces").description("create and list workspaces, set their subscription");

  workspaces
    .command("create")
    .description("create a workspace")
    .argument("<slug>", "short name used in package names, e.g. acme")
    .option("--name <name>", "display name, e.g. \"Acme Inc\"")
    .option("--json", "print JSON")
    .action(async (slug: string, options: { name?: string; json?: boolean }) => {
      const workspace = await withCliContext((ctx) => ctx.workspaces.create({ slug, name: options.name }, CLI_ACTOR));
      if (options.json) printJson(presentWorkspace(workspace));
      else printLine(`Created workspace ${workspace.slug} (${workspace.id}) "${workspace.name}"`);
    });

  workspaces
    .command("list")
    .description("list workspaces")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const all = await withCliContext((ctx) => ctx.workspaces.list());
      if (options.json) printJson({ workspaces: all.map(presentWorkspace) });
      else printTable(["SLUG", "NAME", "ID", "SUBSCRIPTION"], all.map((w) => [w.slug, w.name, w.id, w.subscriptionStatus]));
    });

  workspaces
    .command("set-subscription")
    .description("set the subscription status; anything but active makes every key of the workspace answer 403")
    .argument("<slug>", "workspace slug")
    .argument("<status>", "active, past_due or canceled")
    .option("--json", "print JSON")
    .action(async (slug: string, rawStatus: string, options: { json?: boolean }) => {
      const status = parseSubscriptionStatus(rawStatus);
      const { before, after } = await withCliContext(async (ctx) => {
        const found = await ctx.workspaces.getBySlug(slug);
        return { before: found, after: await ctx.workspaces.setSubscription(found.id, status, CLI_ACTOR) };
      });
      if (options.json) return printJson(presentWorkspace(after));
      if (before.subscriptionStatus === after.subscriptionStatus) return printLine(`${slug} subscription is already ${status}`);
      printLine(`${slug} subscription: ${after.subscriptionStatus} (was ${before.subscriptionStatus})`);
      printLine(status === "active" ? "Its keys work again." : "Its keys now answer 403 until the subscription is active again.");
    });
}
