import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { benchPlansFile } from "./bench-plan.mjs";
import { REPO_ROOT, SERVER_DIST } from "./results-file.mjs";

const execFileAsync = promisify(execFile);
const CLI_BIN = path.join(REPO_ROOT, "packages", "server", "bin", "keyward.js");
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_CHARS = 8_000;

/**
 * The environment of every process the benchmark starts: one temp data dir on embedded
 * SQLite, loopback only, and none of the caller's storage settings leaking in.
 */
export function benchEnvironment(dataDir) {
  return {
    ...process.env,
    KEYWARD_DATA_DIR: dataDir,
    KEYWARD_PLANS_FILE: benchPlansFile(dataDir),
    HOST: "127.0.0.1",
    DATABASE_URL: "",
    REDIS_URL: "",
  };
}

/** Exit code of the CLI for arguments it does not understand. */
export const CLI_EXIT_USAGE = 2;

/** Runs the real admin CLI with `--json` and returns the document it printed (throws with `code` = exit code). */
export async function runCli(dataDir, args) {
  const { stdout } = await execFileAsync(process.execPath, [CLI_BIN, ...args, "--json"], {
    cwd: dataDir,
    env: benchEnvironment(dataDir),
    timeout: 30_000,
  });
  return JSON.parse(stdout);
}

function listeningUrl(line) {
  try {
    const entry = JSON.parse(line);
    return typeof entry.url === "string" && String(entry.msg).startsWith("Keyward listening") ? entry.url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts `node packages/server/dist/main.js` on a free loopback port (PORT=0, the port is
 * read from the "listening" log line, so no other process can take it in between).
 *
 * @example const server = await startServer({ dataDir }); …; await server.stop();
 */
export function startServer({ dataDir, nodeFlags = [] }) {
  const child = spawn(process.execPath, [...nodeFlags, path.join(SERVER_DIST, "main.js")], {
    cwd: dataDir,
    env: { ...benchEnvironment(dataDir), PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-OUTPUT_TAIL_CHARS);
  };
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    const result = await exited;
    clearTimeout(timer);
    return result;
  }

  return new Promise((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not report listening within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stderr.setEncoding("utf8").on("data", keep);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      keep(chunk);
      if (pending === null) return;
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const url = listeningUrl(line);
        if (url === undefined) continue;
        pending = null;
        clearTimeout(timer);
        resolve({ url, pid: child.pid, stop, output: () => output });
        return;
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}
