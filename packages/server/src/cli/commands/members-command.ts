import type { Command } from "commander";
import { CLI_ACTOR } from "../../audit/index.js";
import { presentMember } from "../../workspaces/index.js";
import { withCliContext, type CliContext } from "../cli-context.js";
import { printJson, printLine, printTable } from "../output.js";
import { parseRole } from "../parse-people-options.js";

interface JsonOption {
  json?: boolean;
}

/** The workspace by slug and the user by email, or not_found (exit 1). */
async function resolve(ctx: CliContext, workspaceSlug: string, email: string) {
  const workspace = await ctx.workspaces.getBySlug(workspaceSlug);
  const user = await ctx.users.getByEmail(email);
  return { workspace, user };
}

export function registerMemberCommands(program: Command): void {
  const members = program.command("members").description("add, remove and list a workspace's members and their roles");

  members
    .command("add")
    .description("add an existing user to a workspace")
    .argument("<workspace>", "workspace slug")
    .argument("<email>", "the user's email")
    .option("--role <role>", "owner, admin, member or viewer", "member")
    .option("--json", "print JSON")
    .action(async (workspaceSlug: string, email: string, options: { role: string } & JsonOption) => {
      const role = parseRole(options.role);
      const added = await withCliContext(async (ctx) => {
        const { workspace, user } = await resolve(ctx, workspaceSlug, email);
        await ctx.members.add(workspace.id, user.id, role, CLI_ACTOR);
        return { workspace: workspace.slug, workspaceId: workspace.id, userId: user.id, email: user.email, role };
      });
      if (options.json) printJson(added);
      else printLine(`Added ${added.email} to ${added.workspace} as ${added.role}`);
    });

  members
    .command("remove")
    .description("remove a member; their keys stop working on their next request")
    .argument("<workspace>", "workspace slug")
    .argument("<email>", "the member's email")
    .option("--json", "print JSON")
    .action(async (workspaceSlug: string, email: string, options: JsonOption) => {
      const removed = await withCliContext(async (ctx) => {
        const { workspace, user } = await resolve(ctx, workspaceSlug, email);
        await ctx.members.remove(workspace.id, user.id, CLI_ACTOR);
        return { workspace: workspace.slug, workspaceId: workspace.id, userId: user.id, email: user.email, removed: true };
      });
      if (options.json) printJson(removed);
      else printLine(`Removed ${removed.email} from ${removed.workspace}; keys they created no longer work there`);
    });

  members
    .command("set-role")
    .description("change a member's role; their keys lose what the new role lacks on their next request")
    .argument("<workspace>", "workspace slug")
    .argument("<email>", "the member's email")
    .argument("<role>", "owner, admin, member or viewer")
    .option("--json", "print JSON")
    .action(async (workspaceSlug: string, email: string, rawRole: string, options: JsonOption) => {
      const role = parseRole(rawRole);
      const changed = await withCliContext(async (ctx) => {
        const { workspace, user } = await resolve(ctx, workspaceSlug, email);
        const membership = await ctx.members.setRole(workspace.id, user.id, role, CLI_ACTOR);
        return { workspace: workspace.slug, workspaceId: workspace.id, userId: user.id, email: user.email, role: membership.role };
      });
      if (options.json) printJson(changed);
      else printLine(`${changed.email} is now ${changed.role} in ${changed.workspace}`);
    });

  members
    .command("list")
    .description("list a workspace's members")
    .argument("<workspace>", "workspace slug")
    .option("--json", "print JSON")
    .action(async (workspaceSlug: string, options: JsonOption) => {
      const listed = await withCliContext(async (ctx) => {
        const workspace = await ctx.workspaces.getBySlug(workspaceSlug);
        return (await ctx.members.list(workspace.id)).map(presentMember);
      });
      if (options.json) return printJson({ members: listed });
      if (listed.length === 0) {
        return printLine(`${workspaceSlug} has no members yet. Add one: keyward members add ${workspaceSlug} ada@example.com --role owner`);
      }
      printTable(
        ["EMAIL", "NAME", "ROLE", "JOINED", "USER ID"],
        listed.map((m) => [m.email, m.displayName, m.role, m.joinedAt ?? "", m.userId]),
      );
    });
}
