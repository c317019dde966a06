import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { findKeysInText } from "../keys/index.js";
import type { KeyFinding } from "./file-scanner.js";

/** `git` failed: not a repository, or git is not installed. */
export class GitHistoryError extends Error {
  override name = "GitHistoryError";
}

// A marker no diff line starts with: every diff line begins with a space, +, -, @, \ or a header word.
const COMMIT_MARKER = "\u0001";
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

function unquotePath(raw: string): string {
  const quoted = raw.startsWith('"') && raw.endsWith('"');
  const inner = quoted ? raw.slice(1, -1) : raw;
  return inner.startsWith("b/") ? inner.slice(2) : inner;
}

/**
 * Reads `git log -p` output line by line and reports every key on an added line, with the
 * commit, the file and the line number in that commit. Removed lines are not reported: the
 * commit that added a key is the one that leaked it.
 */
export class GitPatchReader {
  private commit = "";
  private file: string | null = null;
  private inHeader = false;
  private nextLine = 0;
  readonly findings: KeyFinding[] = [];

  push(line: string): void {
    if (line.startsWith(COMMIT_MARKER)) {
      this.commit = line.slice(COMMIT_MARKER.length).trim();
      this.file = null;
      this.inHeader = false;
      return;
    }
    if (line.startsWith("diff --git ")) {
      this.inHeader = true;
      this.file = null;
      return;
    }
    if (this.inHeader) {
      if (line.startsWith("+++ ")) {
        const target = line.slice(4);
        this.file = target === "/dev/null" ? null : unquotePath(target);
      }
      const hunk = HUNK_HEADER.exec(line);
      if (hunk) {
        this.inHeader = false;
        this.nextLine = Number(hunk[1]);
      }
      return;
    }
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      this.nextLine = Number(hunk[1]);
      return;
    }
    if (line.startsWith("+")) {
      if (this.file !== null && line.includes("sk_")) {
        for (const key of findKeysInText(line.slice(1))) {
          this.findings.push({ key, file: this.file, line: this.nextLine, commit: this.commit });
        }
      }
      this.nextLine++;
    } else if (line.startsWith(" ")) {
      this.nextLine++;
    }
  }
}

/**
 * Finds keys in the whole history of the git repository at `directory` (every branch and
 * tag: `git log -p --all`). `-G sk_` lets git skip commits that add or remove no line
 * mentioning a key, and `-U0` drops context lines, so only candidate lines are read; the
 * checksum then rules out look-alikes.
 *
 * @example
 * const findings = await scanGitHistory(process.cwd()); // [{ commit, file, line, key }]
 */
export function scanGitHistory(directory: string): Promise<KeyFinding[]> {
  return new Promise((resolve, reject) => {
    const git = spawn(
      "git",
      ["log", "-p", "--all", "-U0", "--no-color", "--no-ext-diff", "--no-renames", `--format=${COMMIT_MARKER}%H`, "-G", "sk_"],
      { cwd: directory, stdio: ["ignore", "pipe", "pipe"] },
    );
    const reader = new GitPatchReader();
    let stderr = "";
    git.stderr.setEncoding("utf8");
    git.stderr.on("data", (chunk: string) => {
      if (stderr.length < 2_000) stderr += chunk;
    });
    const lines = createInterface({ input: git.stdout, crlfDelay: Infinity });
    lines.on("line", (line) => reader.push(line));
    git.on("error", (error) => reject(new GitHistoryError(`cannot run git: ${error.message}`)));
    // Both the process and the last line must be done before the findings are complete.
    const closed = new Promise<void>((done) => lines.on("close", done));
    git.on("close", (code) => {
      void closed.then(() => {
        if (code === 0) resolve(reader.findings);
        else reject(new GitHistoryError(`git log failed in ${directory}: ${stderr.split("\n")[0] || `exit code ${code}`}`));
      });
    });
  });
}
