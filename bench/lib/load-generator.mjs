import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import autocannon from "autocannon";
import { fromAutocannonResult, parseWrkReport } from "./bench-stats.mjs";
import { BENCH_DIR, REPO_ROOT } from "./results-file.mjs";

const WRK_SCRIPT = path.join(BENCH_DIR, "lib", "wrk-report.lua");
// Beyond its own duration, a run gets this long to finish before it is killed.
const OVERRUN_MS = 15_000;

function wrkVersion() {
  try {
    // wrk prints its version in the usage text and exits 1 for `-v`.
    execFileSync("wrk", ["-v"], { stdio: "pipe" });
  } catch (error) {
    const text = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    const match = /^wrk\s+(\S+)/m.exec(text);
    if (match) return match[1];
  }
  return null;
}

/**
 * wrk when installed (a C load generator costs the shared CPU less than autocannon's
 * JavaScript), autocannon otherwise or when asked for by name.
 */
export function chooseLoadTool(requested) {
  if (requested === "autocannon") return { name: "autocannon", version: autocannonVersion() };
  const version = wrkVersion();
  if (version !== null) return { name: "wrk", version };
  if (requested === "wrk") throw new Error("wrk was requested but is not installed (apt-get install -y wrk)");
  return { name: "autocannon", version: autocannonVersion() };
}

function autocannonVersion() {
  return createRequire(import.meta.url)("autocannon/package.json").version;
}

function redact(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, name.toLowerCase() === "authorization" ? "[redacted]" : value]));
}

function runWrk({ url, headers, durationS, connections, threads }) {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const args = ["-t", String(threads), "-c", String(connections), "-d", `${durationS}s`, "--timeout", "5s", "-s", WRK_SCRIPT, ...headerArgs, url];
  // What the record shows: the script path relative to the repository, the key redacted.
  const shownArgs = args.slice(0, -1 - headerArgs.length).map((arg) => (arg === WRK_SCRIPT ? path.relative(REPO_ROOT, WRK_SCRIPT) : arg));
  const shown = ["wrk", ...shownArgs, ...Object.entries(redact(headers)).flatMap(([n, v]) => ["-H", `'${n}: ${v}'`]), url].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), durationS * 1000 + OVERRUN_MS);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`wrk failed (code ${code}, signal ${signal}): ${stderr || stdout}`));
        return;
      }
      try {
        resolve({ result: parseWrkReport(stdout), raw: `$ ${shown}\n${stdout.trimEnd()}` });
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function runAutocannon({ url, headers, durationS, connections }) {
  const instance = autocannon({ url, headers, duration: durationS, connections, timeout: 5 });
  const timer = setTimeout(() => instance.stop(), durationS * 1000 + OVERRUN_MS);
  const raw = await instance;
  clearTimeout(timer);
  const shown = `autocannon ${JSON.stringify({ url, headers: redact(headers), duration: durationS, connections })}`;
  return { result: fromAutocannonResult(raw), raw: `$ ${shown}\n${autocannon.printResult(raw, { renderLatencyTable: false }).trimEnd()}` };
}

/**
 * One timed run against one URL. Returns the normalised round and the tool's own text
 * (with the Authorization header redacted) for the record.
 */
export function runLoad(tool, options) {
  return tool.name === "wrk" ? runWrk(options) : runAutocannon(options);
}
