import { describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { GitPatchReader } from "./git-history-scanner.js";

function read(lines: string[]) {
  const reader = new GitPatchReader();
  for (const line of lines) reader.push(line);
  return reader.findings;
}

describe("GitPatchReader", () => {
  const key = generateApiKey("live");

  it("reports a key on an added line with its commit, file and line number in that commit", () => {
    expect(
      read([
        "\u0001abc123",
        "diff --git a/src/app.ts b/src/app.ts",
        "index 1..2 100644",
        "--- a/src/app.ts",
        "+++ b/src/app.ts",
        "@@ -10,0 +11,2 @@",
        "+const a = 1;",
        `+const key = "${key}";`,
      ]),
    ).toEqual([{ key, file: "src/app.ts", line: 12, commit: "abc123" }]);
  });

  it("ignores removed lines and deleted files, and counts lines per hunk", () => {
    expect(
      read([
        "\u0001c1",
        "diff --git a/a.env b/a.env",
        "--- a/a.env",
        "+++ b/a.env",
        "@@ -1 +1 @@",
        `-KEY=${key}`,
        "+KEY=",
        "@@ -5,0 +6 @@",
        `+OTHER=${key}`,
        "diff --git a/gone.txt b/gone.txt",
        "deleted file mode 100644",
        "--- a/gone.txt",
        "+++ /dev/null",
        "@@ -1 +0,0 @@",
        `-${key}`,
      ]),
    ).toEqual([{ key, file: "a.env", line: 6, commit: "c1" }]);
  });

  it("reads a quoted path and treats a header-like added line as content", () => {
    expect(
      read(["\u0001c2", 'diff --git "a/odd name" "b/odd name"', '--- /dev/null', '+++ "b/odd name"', "@@ -0,0 +1,2 @@", "+++ not a header", `+${key}`]),
    ).toEqual([{ key, file: "odd name", line: 2, commit: "c2" }]);
  });

  it("finds nothing in look-alikes with a wrong checksum", () => {
    const lookAlike = `${key.slice(0, -1)}${key.endsWith("x") ? "y" : "x"}`;
    expect(read(["\u0001c3", "diff --git a/f b/f", "+++ b/f", "@@ -0,0 +1 @@", `+${lookAlike}`])).toEqual([]);
  });
});
