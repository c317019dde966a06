import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = path.dirname(BENCH_DIR);
export const SERVER_DIST = path.join(REPO_ROOT, "packages", "server", "dist");
const RESULTS_DIR = path.join(BENCH_DIR, "results");
const RESULTS_MARKDOWN = path.join(BENCH_DIR, "RESULTS.md");

/** The benchmarks measure the compiled server; they never build it themselves. */
export function requireBuiltServer() {
  const entry = path.join(SERVER_DIST, "main.js");
  if (!existsSync(entry)) {
    process.stderr.write(
      `bench: ${path.relative(process.cwd(), entry) || entry} is missing. Build the server first (npm ci, or npm run build).\n`,
    );
    process.exit(1);
  }
}

/** `2025-11-26T11-50-03Z`: sortable, safe in a file name, one file per run. */
export function fileStamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "-");
}

/** Writes `bench/results/<stamp>-<name>.json` and returns its path. */
export function writeJsonResult(name, startedAt, data) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${fileStamp(startedAt)}-${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return file;
}

/** Appends a recorded run to bench/RESULTS.md (under its "Recorded runs" heading, which is last). */
export function appendToResultsMarkdown(section) {
  appendFileSync(RESULTS_MARKDOWN, "\n" + section.trimEnd() + "\n");
  return RESULTS_MARKDOWN;
}

export function relativeToRepo(file) {
  return path.relative(REPO_ROOT, file);
}
