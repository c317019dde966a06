import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_PACKAGE = fileURLToPath(new URL("../../", import.meta.url));
/** The committed CLI entry point, as `npx keyward` runs it. */
export const CLI_BIN = path.join(SERVER_PACKAGE, "bin", "keyward.js");
/** The compiled server, as `npm start` runs it. */
export const SERVER_MAIN = path.join(SERVER_PACKAGE, "dist", "main.js");

function assertBuilt(): void {
  if (!existsSync(path.join(SERVER_PACKAGE, "dist", "cli", "main.js")) || !existsSync(SERVER_MAIN)) {
    throw new Error("packages/server/dist is missing: run `npx tsc -b packages/server` (npm test does it first)");
  }
}

/**
 * The environment of a child process on `dataDir`: SQLite there, no inherited database or
 * Redis settings, so a test never touches anything but its own temp directory.
 */
function childEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KEYWARD_DATA_DIR: dataDir, LOG_LEVEL: "info", ...extra };
  for (const name of ["DATABASE_URL", "REDIS_URL", "PORT", "HOST", "KEYWARD_LOG_REQUESTS"]) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

/** A fresh data directory; `remove` deletes it. */
export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "keyward-proc-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `keyward …` (the real binary) against a data directory, from inside it so no
 * `.env` of the repository is read.
 *
 * @example const { code, stdout } = await runCli(dir, ["keys", "list", "--workspace", "acme", "--json"]);
 */
export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { cwd: dataDir, env: childEnv(dataDir, env), timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** Runs the CLI with `--json`, expects success and returns the one JSON document it printed. */
export async function runCliJson<T = Record<string, unknown>>(dataDir: string, args: string[]): Promise<T> {
  const result = await runCli(dataDir, [...args, "--json"]);
  if (result.code !== 0) throw new Error(`keyward ${args.join(" ")} exited ${result.code}: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as T;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real server (`node dist/main.js`) on a free port of 127.0.0.1 and waits for
 * the line that tells its URL.
 */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  assertBuilt();
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: dataDir,
    env: childEnv(dataDir, { PORT: "0", HOST: "127.0.0.1", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /Keyward listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
