import type { Command } from "commander";
import { CLI_ACTOR } from "../../audit/index.js";
import { presentInvitation } from "../../workspaces/index.js";
import { withCliContext } from "../cli-context.js";
import { printJson, printLine } from "../output.js";
import { parseRole } from "../parse-people-options.js";

export function registerInvitationCommands(program: Command): void {
  const invitations = program.command("invitations").description("invite people into a workspace");

  invitations
    .command("create")
    .description("invite an email with a role (the single-use token is shown once and expires in 7 days)")
    .argument("<workspace>", "workspace slug")
    .argument("<email>", "who is invited")
    .option("--role <role>", "owner, admin, member or viewer", "member")
    .option("--json", "print JSON")
    .action(async (workspaceSlug: string, email: string, options: { role: string; json?: boolean }) => {
      const role = parseRole(options.role);
      const { issued, workspace } = await withCliContext(async (ctx) => {
        const found = await ctx.workspaces.getBySlug(workspaceSlug);
        return { workspace: found, issued: await ctx.invitations.create(found.id, email, role, CLI_ACTOR) };
      });
      const shown = presentInvitation(issued.invitation);
      if (options.json) return printJson({ ...shown, workspace: workspace.slug, token: issued.token });
      printLine(`Invited ${shown.email} to ${workspace.slug} as ${shown.role} (${shown.id}). The invitation token is:`);
      printLine();
      printLine(`  ${issued.token}`);
      printLine();
      printLine(`Send it to ${shown.email}: it works once, until ${shown.expiresAt}, and cannot be shown again.`);
    });
}
