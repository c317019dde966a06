import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { findKeysInText } from "../keys/index.js";

/** A key found somewhere: the key itself stays in memory only, callers show its hint. */
export interface KeyFinding {
  key: string;
  /** The file, as reached from the scanned path (for history: the path in the commit). */
  file: string;
  /** 1-based. */
  line: number;
  /** The commit that added the line (history scans only). */
  commit?: string;
}

export interface FileScanOptions {
  /** Files larger than this are skipped (default 10 MiB): dumps and bundles, not sources. */
  maxFileBytes?: number;
  /** Called for every file skipped, with the reason (for `--verbose`-style reporting). */
  onSkip?: (file: string, reason: "binary" | "too_large" | "unreadable") => void;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

// Dependencies and git's object store: huge, not the user's text (history has its own scan).
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);
const BINARY_SNIFF_BYTES = 8_000;

/** Each line of a text with the keys on it; only lines mentioning `sk_` are searched. */
export function findKeysByLine(text: string): Array<{ line: number; key: string }> {
  const found: Array<{ line: number; key: string }> = [];
  if (!text.includes("sk_")) return found;
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.includes("sk_")) continue;
    for (const key of findKeysInText(line)) found.push({ line: index + 1, key });
  }
  return found;
}

// A NUL byte in the first few kilobytes is how git and grep tell binary files too.
async function readTextFile(file: string, size: number): Promise<string | "binary"> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    const content = buffer.subarray(0, bytesRead);
    if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return "binary";
    return content.toString("utf8");
  } finally {
    await handle.close();
  }
}

async function scanFile(file: string, options: FileScanOptions, findings: KeyFinding[]): Promise<void> {
  try {
    const info = await stat(file);
    if (info.size > (options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) return options.onSkip?.(file, "too_large");
    const text = await readTextFile(file, info.size);
    if (text === "binary") return options.onSkip?.(file, "binary");
    for (const { line, key } of findKeysByLine(text)) findings.push({ key, file, line });
  } catch {
    options.onSkip?.(file, "unreadable");
  }
}

async function scanDirectory(directory: string, options: FileScanOptions, findings: KeyFinding[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return options.onSkip?.(directory, "unreadable");
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    // Symbolic links are not followed: they can loop, or lead out of the scanned tree.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await scanDirectory(full, options, findings);
    } else if (entry.isFile()) {
      await scanFile(full, options, findings);
    }
  }
}

/**
 * Finds Keyward keys in files and directories (recursively), skipping `node_modules`,
 * `.git`, binary and huge files. The checksum rules out look-alikes, so every finding is a
 * key Keyward could have issued. Throws when a path does not exist.
 *
 * @example
 * for (const { file, line, key } of await scanPaths(["."])) console.log(`${file}:${line} ${keyHint(key)}`);
 */
export async function scanPaths(paths: readonly string[], options: FileScanOptions = {}): Promise<KeyFinding[]> {
  const findings: KeyFinding[] = [];
  for (const target of paths) {
    const info = await stat(target);
    if (info.isDirectory()) await scanDirectory(target, options, findings);
    else await scanFile(target, options, findings);
  }
  return findings;
}
