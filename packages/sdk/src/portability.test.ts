import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The SDK runs on Node 18+, Bun, Deno and browsers: its runtime code may use web APIs only.
const SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));

function runtimeSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test-support" ? [] : runtimeSources(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("SDK portability", () => {
  const files = runtimeSources(SOURCE_DIR);

  it("finds the runtime sources", () => {
    expect(files.map((file) => path.relative(SOURCE_DIR, file))).toContain("client.ts");
  });

  it.each([
    ["a node: import", /from\s+["']node:/, []],
    ["a bare Node built-in import", /from\s+["'](fs|path|http|https|crypto|zlib|buffer|util|os|url|stream)["']/, []],
    ["Buffer", /\bBuffer\b/, []],
    ["require()", /\brequire\(/, []],
    // read-env.ts reaches process through a guarded globalThis lookup.
    ["process outside read-env", /\bprocess\b/, ["read-env.ts"]],
  ] as const)("uses no %s", (_label, pattern, allowed: readonly string[]) => {
    const offenders = files.filter((file) => !allowed.includes(path.basename(file)) && pattern.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(SOURCE_DIR, file))).toEqual([]);
  });

  it("has no runtime dependencies", () => {
    const manifest = JSON.parse(readFileSync(path.join(SOURCE_DIR, "..", "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });
});
