import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");
const SERVER_MAIN = path.join(REPO_ROOT, "packages/server/dist/main.js");
export const DASHBOARD_INDEX = path.join(REPO_ROOT, "packages/dashboard/dist/index.html");

/** A real `keyward` server process on a fresh data dir, as `npm start` runs it. */
export interface KeywardProcess {
  baseUrl: string;
  /** The first-run link the server logged. */
  setupLink: string;
  /** Everything the process printed, for tests that prove no secret reached the log. */
  output(): string;
  stop(): Promise<void>;
}

/** Why the browser tests cannot run here, or null when they can. */
export function missingBuild(): string | null {
  if (!existsSync(SERVER_MAIN)) return `${path.relative(REPO_ROOT, SERVER_MAIN)} is missing: run "npm run build" first`;
  if (!existsSync(DASHBOARD_INDEX)) return `${path.relative(REPO_ROOT, DASHBOARD_INDEX)} is missing: run "npm run build" first`;
  return null;
}

function waitForLines(child: ChildProcess, read: () => string, timeoutMs: number): Promise<{ baseUrl: string; setupLink: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${read()}`));
    }, timeoutMs);
    const check = () => {
      const text = read();
      const url = /Keyward listening on (http:\/\/[^\s"]+)/.exec(text)?.[1];
      const link = /(http:\/\/[^\s"]+\/setup\?token=[0-9A-Za-z]+)/.exec(text)?.[1];
      if (url && link) {
        cleanup();
        resolve({ baseUrl: url, setupLink: link });
      }
    };
    const exited = (code: number | null) => {
      cleanup();
      reject(new Error(`the server exited with ${code}:\n${read()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.off("exit", exited);
    };
    child.stdout?.on("data", check);
    child.on("exit", exited);
  });
}

/** Starts the compiled server on 127.0.0.1 and a free port, with usage flushed every 100 ms. */
export async function startKeywardProcess(): Promise<KeywardProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-e2e-"));
  let text = "";
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      KEYWARD_DATA_DIR: path.join(dataDir, "data"),
      KEYWARD_USAGE_FLUSH_MS: "100",
      KEYWARD_CHANGE_POLL_MS: "100",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const started = await waitForLines(child, () => text, 20_000).catch((error: unknown) => {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...started,
    output: () => text,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
