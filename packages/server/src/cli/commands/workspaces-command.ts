import type { Command } from "commander";
import { presentWorkspace } from "../../workspaces/index.js";
import { withCliContext } from "../cli-context.js";
import { printJson, printLine, printTable } from "../output.js";

export function registerWorkspaceCommands(program: Command): void {
  const workspaces = program.command("workspaces").description("create and list workspaces");

  workspaces
    .command("create")
    .description("create a workspace")
    .argument("<slug>", "short name used in package names, e.g. acme")
    .option("--name <name>", "display name, e.g. \"Acme Inc\"")
    .option("--json", "print JSON")
    .action(async (slug: string, options: { name?: string; json?: boolean }) => {
      const workspace = await withCliContext((ctx) => ctx.workspaces.create({ slug, name: options.name }));
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
}
