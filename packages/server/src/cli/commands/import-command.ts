import type { Command } from "commander";
import { importInstallation } from "../../backup/index.js";
import { migrateToLatest } from "../../store/index.js";
import { withConfiguredDatabase } from "../database-cli-context.js";
import { printJson, printLine } from "../output.js";

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("load a backup from stdin into an empty installation: keyward import < backup.jsonl")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const summary = await withConfiguredDatabase(async (db, dialect) => {
        await migrateToLatest(db, { dialect });
        return importInstallation({ db, input: process.stdin });
      });
      if (options.json) printJson(summary);
      else printLine(`Imported ${summary.rows} rows from a ${summary.source} backup (migration ${summary.migration}).`);
    });
}
