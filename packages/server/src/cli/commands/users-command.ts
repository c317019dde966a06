import type { Command } from "commander";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, presentUser } from "../../workspaces/index.js";
import { UsageError } from "../cli-errors.js";
import { withCliContext } from "../cli-context.js";
import { printJson, printLine } from "../output.js";
import { readLineFromStdin } from "../parse-people-options.js";

async function readPassword(): Promise<string> {
  const password = await readLineFromStdin();
  if (password.length === 0) throw new UsageError("--password-stdin read an empty line; pipe the password in, e.g. printf '%s\\n' \"$PASSWORD\" | keyward …");
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`the password must be ${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters`);
  }
  return password;
}

export function registerUserCommands(program: Command): void {
  const users = program.command("users").description("create users who sign in to the dashboard");

  users
    .command("create")
    .description("create a user (the password, if any, is read from stdin, never from the command line)")
    .requiredOption("--email <email>", "email address, used to sign in")
    .option("--name <name>", "display name (default: the part of the email before the @)")
    .option("--password-stdin", "read the password from the first line of stdin")
    .option("--json", "print JSON")
    .action(async (options: { email: string; name?: string; passwordStdin?: boolean; json?: boolean }) => {
      const password = options.passwordStdin ? await readPassword() : undefined;
      const user = await withCliContext((ctx) => ctx.users.create({ email: options.email, displayName: options.name, password }));
      if (options.json) return printJson(presentUser(user));
      printLine(`Created user ${user.email} (${user.id}) "${user.displayName}"`);
      if (!user.hasPassword) {
        printLine(`No password set: ${user.email} cannot sign in until one is set (keyward users set-password --email ${user.email} --password-stdin).`);
      }
    });

  users
    .command("set-password")
    .description("set a user's password, read from the first line of stdin")
    .requiredOption("--email <email>", "the user's email address")
    .option("--password-stdin", "read the password from stdin (the only way; accepted for symmetry with create)")
    .option("--json", "print JSON")
    .action(async (options: { email: string; json?: boolean }) => {
      const password = await readPassword();
      const user = await withCliContext(async (ctx) => {
        const found = await ctx.users.getByEmail(options.email);
        await ctx.users.changePassword(found.id, password);
        return { ...found, hasPassword: true };
      });
      if (options.json) printJson(presentUser(user));
      else printLine(`Set the password of ${user.email}`);
    });
}
