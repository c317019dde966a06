import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { findKeysByLine, scanPaths } from "./file-scanner.js";

describe("findKeysByLine", () => {
  it("numbers lines from 1 and finds several keys on one line", () => {
    const a = generateApiKey("live");
    const b = generateApiKey("test");
    expect(findKeysByLine(`first\n${a} and ${b}\n`)).toEqual([
      { line: 2, key: a },
      { line: 2, key: b },
    ]);
  });

  it("finds no key glued into a longer token", () => {
    expect(findKeysByLine(`x${generateApiKey("live")}`)).toEqual([]);
  });
});

describe("scanPaths", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "keyward-files-"));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("walks directories in name order, skipping node_modules, .git, binary, huge files and symbolic links", async () => {
    const key = generateApiKey("live");
    mkdirSync(path.join(root, "b"));
    mkdirSync(path.join(root, ".git"));
    mkdirSync(path.join(root, "node_modules"));
    writeFileSync(path.join(root, "b", "z.txt"), key);
    writeFileSync(path.join(root, "a.txt"), `\n\n${key}`);
    writeFileSync(path.join(root, ".git", "config"), key);
    writeFileSync(path.join(root, "node_modules", "x.js"), key);
    writeFileSync(path.join(root, "blob.bin"), Buffer.concat([Buffer.from(key), Buffer.from([0])]));
    writeFileSync(path.join(root, "huge.txt"), `${key}\n${"x".repeat(2_000)}`);
    symlinkSync(path.join(root, "a.txt"), path.join(root, "link.txt"));
    const skipped: string[] = [];
    const findings = await scanPaths([root], { maxFileBytes: 1_000, onSkip: (file, reason) => skipped.push(`${path.basename(file)}:${reason}`) });
    expect(findings.map((f) => `${path.relative(root, f.file)}:${f.line}`)).toEqual(["a.txt:3", path.join("b", "z.txt") + ":1"]);
    expect(skipped.sort()).toEqual(["blob.bin:binary", "huge.txt:too_large"]);
  });

  it("scans a single file and rejects a path that does not exist", async () => {
    const key = generateApiKey("test");
    writeFileSync(path.join(root, "one.env"), `KEY=${key}`);
    await expect(scanPaths([path.join(root, "one.env")])).resolves.toEqual([{ key, file: path.join(root, "one.env"), line: 1 }]);
    await expect(scanPaths([path.join(root, "missing")])).rejects.toThrow();
  });
});
