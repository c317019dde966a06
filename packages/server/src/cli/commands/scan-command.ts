import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig, loadDotEnv } from "../../config/index.js";
import {
  findingLocation,
  GitHistoryError,
  isDangerous,
  judgeFindings,
  LeakResponder,
  scanGitHistory,
  scanPaths,
  type KeyFinding,
  type ReportedFinding,
} from "../../security/index.js";
import { withCliContext } from "../cli-context.js";
import { UsageError } from "../cli-errors.js";
import { printJson, printLine } from "../output.js";

interface ScanOptions {
  git?: boolean;
  revoke?: boolean;
  json?: boolean;
}

/** A scan that found a key that is live (or could not be checked): exit code 1, for hooks and CI. */
class LiveKeyFound extends Error {
  override name = "LiveKeyFound";
}

/**
 * Keyward's data is checked only where it already exists: a scan in a pre-commit hook must
 * not create an empty database in `./data` as a side effect of opening it.
 */
function dataIsReachable(): boolean {
  loadDotEnv();
  const config = loadConfig();
  return config.databaseUrl !== undefined || existsSync(path.join(config.dataDir, "keyward.db"));
}

async function collectFindings(paths: string[], git: boolean): Promise<KeyFinding[]> {
  for (const target of paths) {
    if (!existsSync(target)) throw new UsageError(`no such file or directory: ${target}`);
  }
  const findings = await scanPaths(paths);
  if (!git) return findings;
  const repositories = paths.filter((target) => statSync(target).isDirectory());
  if (repositories.length === 0) throw new UsageError("--git needs a directory inside a git repository");
  for (const repository of repositories) {
    try {
      findings.push(...(await scanGitHistory(repository)));
    } catch (error) {
      if (error instanceof GitHistoryError) throw new UsageError(error.message);
      throw error;
    }
  }
  return findings;
}

function summarize(findings: readonly ReportedFinding[]) {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.status] = (counts[finding.status] ?? 0) + 1;
  return {
    findings: findings.length,
    byStatus: counts,
    revoked: new Set(findings.filter((finding) => finding.revokedNow).map((finding) => finding.keyId)).size,
  };
}

function printReport(findings: readonly ReportedFinding[]): void {
  if (findings.length === 0) {
    printLine("No Keyward keys found.");
    return;
  }
  for (const finding of findings) {
    const revoked = finding.revokedNow ? " (revoked now)" : "";
    printLine(`${findingLocation(finding)}  ${finding.hint}  ${finding.status}${revoked}`);
  }
  const summary = summarize(findings);
  const statuses = Object.entries(summary.byStatus).map(([status, count]) => `${count} ${status}`).join(", ");
  printLine();
  printLine(`${summary.findings} key finding(s): ${statuses}${summary.revoked > 0 ? `; revoked ${summary.revoked} live key(s)` : ""}.`);
  if (findings.some((finding) => finding.status === "unchecked")) {
    printLine("Keyward's data was not reachable (KEYWARD_DATA_DIR / DATABASE_URL): treat unchecked keys as live.");
  }
}

export function registerScanCommand(program: Command): void {
  program
    .command("scan")
    .description("find Keyward keys in files (and git history); exit code 1 when a live key is found")
    .argument("[paths...]", "files or directories to scan (default: the current directory)")
    .option("--git", "also scan the whole git history of the given directories (every branch and tag)")
    .option("--revoke", "revoke every live key found (needs KEYWARD_DATA_DIR or DATABASE_URL)")
    .option("--json", "print JSON")
    .action(async (paths: string[], options: ScanOptions) => {
      const targets = paths.length > 0 ? paths : ["."];
      const reachable = dataIsReachable();
      if (options.revoke && !reachable) {
        throw new UsageError("--revoke needs Keyward's data: set KEYWARD_DATA_DIR or DATABASE_URL");
      }
      const found = await collectFindings(targets, options.git === true);
      const judge = (leaks: LeakResponder | null) => judgeFindings(found, leaks, { revoke: options.revoke === true });
      const reported =
        reachable && found.length > 0
          ? await withCliContext((ctx) => judge(new LeakResponder({ store: ctx.store, keys: ctx.keys, audit: ctx.audit })))
          : await judge(null);
      if (options.json) printJson({ findings: reported, summary: summarize(reported) });
      else printReport(reported);
      const dangerous = reported.filter(isDangerous).length;
      if (dangerous > 0) {
        throw new LiveKeyFound(`${dangerous} finding(s) of a live or unchecked key: revoke and remove them`);
      }
    });
}
