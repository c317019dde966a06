#!/usr/bin/env node
// Load benchmark (issue 2): what authentication costs per request. Starts the real,
// already built server on a temp SQLite data dir, makes a key with the real CLI, then
// loads `GET /v1/health` (Bearer key) and the same server's unauthenticated `GET /livez`
// in interleaved rounds and compares their medians. Loopback only, bounded in time.
//
//   npm run bench                                  # 3 rounds × 10 s per route
//   npm run bench -- --duration 2 --rounds 1       # quick check
//   npm run bench -- --record --note "quiet machine"   # also append to bench/RESULTS.md
//   npm run bench -- --cpu-prof --routes health --rounds 1   # profile the server under load
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuMicrosPerRequest, interleave, summarizeRounds } from "./lib/bench-stats.mjs";
import { chooseLoadTool, runLoad } from "./lib/load-generator.mjs";
import { describeMachine, describeLoad, isBusy, machineMarkdown } from "./lib/machine-info.mjs";
import { describeOptions, readOptions, runScript, UsageError } from "./lib/options.mjs";
import { processCpuMs } from "./lib/process-cpu.mjs";
import { describeRatio, formatRouteTable } from "./lib/report.mjs";
import { appendToResultsMarkdown, BENCH_DIR, relativeToRepo, requireBuiltServer, writeJsonResult } from "./lib/results-file.mjs";
import { BENCH_PLAN_DESCRIPTION, BENCH_PLAN_NAME, writeBenchPlansFile } from "./lib/bench-plan.mjs";
import { CLI_EXIT_USAGE, runCli, startServer } from "./lib/server-process.mjs";

const TARGET_RATIO = 0.9;
const ROUTES = {
  livez: { label: "GET /livez", path: "/livez", auth: "none" },
  health: { label: "GET /v1/health", path: "/v1/health", auth: "Bearer key" },
};

const OPTIONS = {
  duration: { type: "integer", env: "BENCH_DURATION", default: 10, min: 1, help: "seconds per timed run" },
  rounds: { type: "integer", env: "BENCH_ROUNDS", default: 3, min: 1, help: "timed runs per route, interleaved" },
  warmup: { type: "integer", env: "BENCH_WARMUP", default: 5, min: 0, help: "seconds of untimed load per route first" },
  connections: { type: "integer", env: "BENCH_CONNECTIONS", default: 50, min: 1, help: "concurrent connections" },
  threads: { type: "integer", env: "BENCH_THREADS", default: 1, min: 1, help: "wrk threads (one leaves a core to the server)" },
  tool: { type: "string", env: "BENCH_TOOL", default: "auto", choices: ["auto", "wrk", "autocannon"], help: "load generator" },
  routes: { type: "string", env: "BENCH_ROUTES", default: "livez,health", help: "which routes to load (livez,health)" },
  "cpu-prof": { type: "boolean", env: "BENCH_CPU_PROF", default: false, help: "run the server with --cpu-prof (bench/results/profiles)" },
  record: { type: "boolean", env: "BENCH_RECORD", default: false, help: "append the run to bench/RESULTS.md" },
  note: { type: "string", env: "BENCH_NOTE", default: "", help: "a remark recorded with the run" },
  provisional: { type: "boolean", env: "BENCH_PROVISIONAL", default: false, help: "label the run provisional (also automatic on a busy machine)" },
  help: { type: "boolean", default: false, help: "show this help" },
};

function readRoutes(list) {
  const names = list.split(",").map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(name in ROUTES));
  if (names.length === 0 || unknown.length > 0) throw new UsageError(`--routes takes livez and/or health, got "${list}"`);
  return names;
}

async function expectStatus(url, headers, status, what) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) });
  const body = await response.text();
  if (response.status !== status) throw new Error(`preflight: ${what} answered ${response.status}, expected ${status}: ${body}`);
  return body;
}

/** Proves the routes answer as the comparison assumes before any load is timed. */
async function preflight(baseUrl, authorization) {
  await expectStatus(`${baseUrl}/livez`, {}, 200, "GET /livez");
  const health = JSON.parse(await expectStatus(`${baseUrl}/v1/health`, { authorization }, 200, "GET /v1/health with the key"));
  if (health.status !== "ok") throw new Error(`preflight: GET /v1/health answered ${JSON.stringify(health)}`);
  await expectStatus(`${baseUrl}/v1/health`, {}, 401, "GET /v1/health without a key");
}

/**
 * The built-in plans would rate-limit the load within a second; the bench plan keeps the
 * limit checks on the path without ever reaching them. Null for a build without plans.
 */
async function putOnBenchPlan(dataDir, slug) {
  try {
    await runCli(dataDir, ["plans", "set", slug, BENCH_PLAN_NAME]);
    return BENCH_PLAN_DESCRIPTION;
  } catch (error) {
    if (error?.code === CLI_EXIT_USAGE) return null;
    throw error;
  }
}

function log(line) {
  process.stdout.write(line + "\n");
}

function markdownSection({ startedAt, machine, loadAfter, settings, table, ratioText, note, provisional, jsonFile, raw }) {
  const title = `### ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC — health vs livez${provisional ? " (provisional)" : ""}`;
  return [
    title,
    "",
    machineMarkdown(machine),
    `- Load at end: \`${loadAfter}\``,
    `- Settings: ${settings.tool.name} ${settings.tool.version}, ${settings.connections} connections, ${settings.tool.name === "wrk" ? `${settings.threads} thread(s), ` : ""}` +
      `${settings.warmup} s warm-up per route, ${settings.rounds} interleaved rounds × ${settings.duration} s per route`,
    `- Workspace plan: ${settings.plan ?? "none (no plans in this build)"}`,
    ...(note ? [`- Note: ${note}`] : []),
    `- JSON: \`${jsonFile}\``,
    "",
    table,
    "",
    ...ratioText.split("\n").map((line) => `**${line}**  `),
    "",
    "<details><summary>Raw output</summary>",
    "",
    "```",
    raw.trimEnd(),
    "```",
    "",
    "</details>",
  ].join("\n");
}

async function main() {
  const options = readOptions(OPTIONS, process.argv.slice(2), process.env);
  if (options.help) {
    log(`Usage: npm run bench -- [options]\n${describeOptions(OPTIONS)}`);
    return 0;
  }
  if (options.positionals.length > 0) throw new UsageError(`unexpected argument "${options.positionals[0]}" (see --help)`);
  const routes = readRoutes(options.routes);
  requireBuiltServer();
  const tool = chooseLoadTool(options.tool);
  const machine = describeMachine();
  const startedAt = new Date();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-"));
  const profileDir = path.join(BENCH_DIR, "results", "profiles");
  if (options["cpu-prof"]) mkdirSync(profileDir, { recursive: true });
  const profilesBefore = options["cpu-prof"] ? new Set(readdirSync(profileDir)) : new Set();

  let server;
  const cleanUp = async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);

  const rawOutput = [];
  const rounds = [];
  let plan = null;
  let warmupRequests = 0;
  try {
    writeBenchPlansFile(dataDir);
    log(`Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
    log(`Load:    ${machine.uptime}`);
    server = await startServer({
      dataDir,
      nodeFlags: options["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    });
    log(`Server:  ${server.url} (pid ${server.pid}), data in ${dataDir}`);
    await runCli(dataDir, ["workspaces", "create", "bench", "--name", "Load benchmark"]);
    plan = await putOnBenchPlan(dataDir, "bench");
    log(`Plan:    ${plan ?? "none (this build has no plans: nothing is rate limited)"}`);
    const created = await runCli(dataDir, ["keys", "create", "--workspace", "bench", "--name", "Load benchmark", "--env", "test"]);
    const authorization = `Bearer ${created.key}`;
    await preflight(server.url, authorization);

    const load = (route, durationS) =>
      runLoad(tool, {
        url: server.url + ROUTES[route].path,
        headers: ROUTES[route].auth === "none" ? {} : { authorization },
        durationS,
        connections: options.connections,
        threads: options.threads,
      });

    if (options.warmup > 0) {
      log(`Warm-up: ${options.warmup} s per route with ${tool.name} ${tool.version}`);
      for (const route of routes) warmupRequests += (await load(route, options.warmup)).result.requests;
    }
    for (const { route, round } of interleave(routes, options.rounds)) {
      const cpuBefore = processCpuMs(server.pid);
      const { result, raw } = await load(route, options.duration);
      const cpuAfter = processCpuMs(server.pid);
      const serverCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      rounds.push({ route, round, ...result, serverCpuMs, cpuUsPerRequest: cpuMicrosPerRequest(serverCpuMs, result.requests) });
      rawOutput.push(`# round ${round}, ${ROUTES[route].label}\n${raw}`);
      log(
        `Round ${round} ${ROUTES[route].label.padEnd(15)} ${Math.round(result.requestsPerSecond).toString().padStart(7)} req/s  ` +
          `p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  ` +
          `CPU ${rounds.at(-1).cpuUsPerRequest?.toFixed(1) ?? "n/a"} µs/req  non-2xx ${result.non2xx}  errors ${result.errors}`,
      );
    }
  } finally {
    process.removeListener("SIGINT", interrupt);
    process.removeListener("SIGTERM", interrupt);
    await cleanUp();
  }

  const loadAfter = describeLoad();
  const summaries = Object.fromEntries(routes.map((route) => [route, summarizeRounds(rounds.filter((r) => r.route === route))]));
  const table = formatRouteTable(routes.map((route) => ({ label: ROUTES[route].label, auth: ROUTES[route].auth, summary: summaries[route] })));
  const comparison = summaries.health && summaries.livez ? describeRatio(summaries.health, summaries.livez, TARGET_RATIO) : null;
  const failures = Object.values(summaries).reduce((sum, summary) => sum + summary.non2xx + summary.errors, 0);
  const provisional = options.provisional || isBusy(machine);
  const profiles = options["cpu-prof"] ? readdirSync(profileDir).filter((file) => !profilesBefore.has(file)) : [];

  log("");
  log(table);
  if (comparison) log(`\n${comparison.text}`);
  if (provisional) log(`Provisional: load at start was ${machine.loadAverage.join(", ")} on ${machine.cores} cores${options.note ? ` (${options.note})` : ""}.`);

  const settings = { tool, plan, duration: options.duration, rounds: options.rounds, warmup: options.warmup, connections: options.connections, threads: options.threads };
  const jsonFile = writeJsonResult("health-vs-livez", startedAt, {
    benchmark: "health-vs-livez",
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    provisional,
    note: options.note || undefined,
    machine,
    loadAfter,
    settings,
    rounds,
    summary: {
      routes: summaries,
      ratio: comparison?.share ?? null,
      cpuRatio: comparison?.cpuShare ?? null,
      target: TARGET_RATIO,
      meetsTarget: comparison === null || comparison.share === null ? null : comparison.share >= TARGET_RATIO,
      failures,
    },
    profiles: profiles.map((file) => relativeToRepo(path.join(profileDir, file))),
  });
  log(`Results: ${relativeToRepo(jsonFile)}`);
  const servedRequests = warmupRequests + rounds.reduce((sum, round) => sum + round.requests, 0);
  for (const file of profiles) {
    log(`Profile: node bench/summarize-cpuprofile.mjs ${relativeToRepo(path.join(profileDir, file))} --requests ${servedRequests}`);
  }
  if (options.record) {
    const section = markdownSection({
      startedAt,
      machine,
      loadAfter,
      settings,
      table,
      ratioText: comparison?.text ?? "single route: no ratio",
      note: options.note,
      provisional,
      jsonFile: relativeToRepo(jsonFile),
      raw: rawOutput.join("\n\n"),
    });
    log(`Recorded in ${relativeToRepo(appendToResultsMarkdown(section))}`);
  }
  if (failures > 0) {
    process.stderr.write(`bench: ${failures} non-2xx answers or socket errors: the figures are not comparable.\n`);
    return 1;
  }
  return 0;
}

runScript(main);
