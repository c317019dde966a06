#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/index.js";
import { describeCliError, EXIT_USAGE } from "./cli-errors.js";
import { registerKeyCommands } from "./commands/keys-command.js";
import { registerWorkspaceCommands } from "./commands/workspaces-command.js";
import { registerUserCommands } from "./commands/users-command.js";
import { registerMemberCommands } from "./commands/members-command.js";
import { registerInvitationCommands } from "./commands/invitations-command.js";
import { registerPlanCommands } from "./commands/plans-command.js";
import { registerCreditCommands } from "./commands/credits-command.js";
import { registerUsageCommands } from "./commands/usage-command.js";
import { registerPromptCommands } from "./commands/prompts-command.js";
import { registerScanCommand } from "./commands/scan-command.js";
import { registerMigrateCommand } from "./commands/migrate-command.js";
import { registerExportCommand } from "./commands/export-command.js";
import { registerImportCommand } from "./commands/import-command.js";

function buildProgram(): Command {
  const program = new Command("keyward")
    .description("Keyward admin CLI: acts on the data of the server configured by the same environment variables")
    .version("0.1.0")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.split("\n")[0] + "\n") });
  registerWorkspaceCommands(program);
  registerKeyCommands(program);
  registerUserCommands(program);
  registerMemberCommands(program);
  registerInvitationCommands(program);
  registerPlanCommands(program);
  registerCreditCommands(program);
  registerUsageCommands(program);
  registerPromptCommands(program);
  registerScanCommand(program);
  registerMigrateCommand(program);
  registerExportCommand(program);
  registerImportCommand(program);
  // Every sub-command reports usage errors through exitOverride too.
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything else Commander rejects is a usage error.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`keyward: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const { exitCode, message } = describeCliError(error);
    process.stderr.write(`keyward: ${message}\n`);
    return exitCode;
  }
}

process.exitCode = await run(process.argv);
