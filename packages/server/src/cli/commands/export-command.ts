import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { exportInstallation } from "../../backup/index.js";
import { withConfiguredDatabase } from "../database-cli-context.js";

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("write the whole installation (every table, keys as hashes) as JSON Lines on stdout: keyward export > backup.jsonl")
    .action(async () => {
      await withConfiguredDatabase((db, dialect) => pipeline(Readable.from(exportInstallation({ db, dialect })), process.stdout, { end: false }));
    });
}
