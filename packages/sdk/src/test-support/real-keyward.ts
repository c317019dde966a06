import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SERVER_MAIN = path.join(REPO_ROOT, "packages/server/dist/main.js");
const CLI = path.join(REPO_ROOT, "packages/server/bin/keyward.js");

export interface RealKeyward {
  baseUrl: string;
  /** Runs the `keyward` CLI on this server's data dir and returns its `--json` output. */
  cli(args: string[]): Promise<unknown>;
  /** Creates a workspace and a key in it (through the CLI) and returns the key's id and secret. */
  createWorkspaceWithKey(slug: string, scopes: string[]): Promise<{ id: string; key: string }>;
  close(): Promise<void>;
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    const timer = setTimeout(() => reject(new Error(`Keyward did not start within 20 s:\n${output}${errors}`)), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /Keyward listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString("utf8");
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Keyward exited with code ${code} before listening:\n${output}${errors}`));
    });
  });
}

/**
 * Starts the compiled Keyward server (`packages/server/dist/main.js`) on a fresh SQLite data
 * dir and a port the OS picks, the way a user runs it. Build it first: `npx tsc -b packages/server`.
 */
export async function startRealKeyward(): Promise<RealKeyward> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run \`npx tsc -b packages/server\` first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-sdk-test-"));
  const env = { ...process.env, KEYWARD_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", KEYWARD_API_KEY: "" };
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: dataDir,
    env: { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let baseUrl: string;
  try {
    baseUrl = await waitForListening(child);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // Keep draining the logs so the child never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();

  const cli = async (args: string[]): Promise<unknown> => {
    const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: dataDir, env });
    return JSON.parse(stdout) as unknown;
  };

  return {
    baseUrl,
    cli,
    async createWorkspaceWithKey(slug, scopes) {
      await cli(["workspaces", "create", slug, "--json"]);
      const issued = (await cli(["keys", "create", "--workspace", slug, "--name", "SDK test", "--scopes", scopes.join(","), "--json"])) as { id: string; key: string };
      return { id: issued.id, key: issued.key };
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
