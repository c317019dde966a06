import type { Command } from "commander";
import { latestMigration } from "../../backup/index.js";
import { migrateToLatest } from "../../store/index.js";
import { withConfiguredDatabase } from "../database-cli-context.js";
import { printJson, printLine } from "../output.js";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations (servers also apply them at start, under a lock)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const applied = await withConfiguredDatabase((db, dialect) => migrateToLatest(db, { dialect }));
      const latest = latestMigration();
      if (options.json) {
        printJson({ applied, latest });
        return;
      }
      if (applied.length === 0) printLine(`No pending migrations; the database is at ${latest}.`);
      for (const name of applied) printLine(`Applied ${name}`);
    });
}
