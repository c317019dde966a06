import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey, keyHint } from "../../keys/index.js";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

interface ScanJson {
  findings: Array<{ file: string; line: number; commit: string | null; hint: string; status: string; keyId: string | null; revokedNow: boolean }>;
  summary: { findings: number; byStatus: Record<string, number>; revoked: number };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
  });
}

describe("keyward scan", () => {
  let data: ReturnType<typeof tempDataDir>;
  let project: string;
  beforeEach(async () => {
    data = tempDataDir();
    project = mkdtempSync(path.join(tmpdir(), "keyward-scan-"));
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
    rmSync(project, { recursive: true, force: true });
  });

  const issue = () => runCliJson<{ id: string; key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Leaky"]);

  it("reports each key by file:line and hint, never whole, with its status, and exits 1 for a live key", async () => {
    const live = await issue();
    const unknown = generateApiKey("test");
    writeFileSync(path.join(project, "config.env"), `NAME=x\nKEYWARD_API_KEY=${live.key}\n`);
    mkdirSync(path.join(project, "src"));
    writeFileSync(path.join(project, "src", "client.ts"), `// a comment\n\nconst key = "${unknown}";\n`);
    const result = await runCli(data.dir, ["scan", project]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(`${path.join(project, "config.env")}:2  ${keyHint(live.key)}  active`);
    expect(result.stdout).toContain(`${path.join(project, "src", "client.ts")}:3  ${keyHint(unknown)}  unknown`);
    expect(result.stdout + result.stderr).not.toContain(live.key);
    expect(result.stdout + result.stderr).not.toContain(unknown);
  });

  it("exits 0 when only unknown or revoked keys are found, and ignores look-alikes with a wrong checksum", async () => {
    const revoked = await issue();
    await runCliJson(data.dir, ["keys", "revoke", revoked.id]);
    const unknown = generateApiKey("live");
    const lookAlike = `${unknown.slice(0, -1)}${unknown.endsWith("A") ? "B" : "A"}`;
    writeFileSync(path.join(project, "a.txt"), `${revoked.key}\n${unknown}\n${lookAlike}\n`);
    const result = await runCli(data.dir, ["scan", project, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ScanJson;
    expect(report.findings.map((finding) => [finding.line, finding.status])).toEqual([
      [1, "revoked"],
      [2, "unknown"],
    ]);
  });

  it("skips node_modules, .git and binary files", async () => {
    const live = await issue();
    mkdirSync(path.join(project, "node_modules", "dep"), { recursive: true });
    writeFileSync(path.join(project, "node_modules", "dep", "index.js"), live.key);
    writeFileSync(path.join(project, "image.bin"), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(live.key)]));
    const result = await runCli(data.dir, ["scan", project, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as ScanJson).findings).toEqual([]);
  });

  it("--revoke revokes live keys and writes a key.leaked audit entry naming where", async () => {
    const live = await issue();
    writeFileSync(path.join(project, "leak.txt"), `\n${live.key}\n`);
    const result = await runCli(data.dir, ["scan", project, "--revoke", "--json"]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as ScanJson;
    expect(report.findings[0]).toMatchObject({ status: "active", revokedNow: true, keyId: live.id });
    const shown = await runCliJson<{ status: string }>(data.dir, ["keys", "get", live.id]);
    expect(shown.status).toBe("revoked");
    const db = new Database(path.join(data.dir, "keyward.db"), { readonly: true });
    try {
      const leaked = db.prepare("SELECT metadata FROM audit_entries WHERE action = 'key.leaked' AND target_id = ?").all(live.id) as Array<{ metadata: string }>;
      expect(leaked).toHaveLength(1);
      expect(JSON.parse(leaked[0]!.metadata)).toMatchObject({ source: "file", url: `${path.join(project, "leak.txt")}:2`, hint: keyHint(live.key) });
    } finally {
      db.close();
    }
    const again = await runCli(data.dir, ["scan", project]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("revoked");
  });

  it("--git finds a key added in a commit and removed later, with the commit", async () => {
    const live = await issue();
    git(project, "init", "-q");
    writeFileSync(path.join(project, "app.js"), `const a = 1;\nconst key = "${live.key}";\n`);
    git(project, "add", ".");
    git(project, "commit", "-q", "-m", "add key");
    const leaking = git(project, "rev-parse", "HEAD").trim();
    writeFileSync(path.join(project, "app.js"), "const a = 1;\nconst key = process.env.KEYWARD_API_KEY;\n");
    git(project, "commit", "-q", "-am", "remove key");
    const withoutHistory = await runCli(data.dir, ["scan", project, "--json"]);
    expect((JSON.parse(withoutHistory.stdout) as ScanJson).findings).toEqual([]);
    const result = await runCli(data.dir, ["scan", project, "--git", "--json"]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as ScanJson;
    expect(report.findings).toEqual([expect.objectContaining({ file: "app.js", line: 2, commit: leaking, status: "active" })]);
  });

  it("without reachable data reports keys as unchecked, exits 1 and creates no database", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "keyward-nodata-"));
    try {
      writeFileSync(path.join(project, "a.txt"), generateApiKey("live"));
      const result = await runCli(empty, ["scan", project]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain("unchecked");
      expect(existsSync(path.join(empty, "keyward.db"))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("exits 2 on a path that does not exist, on --git outside a repository and on --revoke without data", async () => {
    expect((await runCli(data.dir, ["scan", path.join(project, "missing")])).code).toBe(2);
    expect((await runCli(data.dir, ["scan", project, "--git"])).code).toBe(2);
    const empty = mkdtempSync(path.join(tmpdir(), "keyward-nodata-"));
    try {
      expect((await runCli(empty, ["scan", project, "--revoke"])).code).toBe(2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
