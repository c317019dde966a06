#!/usr/bin/env node
// Micro-benchmark of the pure verification steps on the request path, on the compiled
// server code: parse the Authorization header, format + checksum, SHA-256, cache hit,
// and the whole `KeyVerifier.verify` for a cached key and for the two kinds of bad key.
// No HTTP, no storage (the store stub is only read once, to fill the cache).
//
//   npm run bench:micro                       # ~1 s per step
//   npm run bench:micro -- --time 200         # quick check
//   npm run bench:micro -- --record           # also append to bench/RESULTS.md
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { describeMachine, isBusy, machineMarkdown } from "./lib/machine-info.mjs";
import { describeOptions, readOptions, runScript, UsageError } from "./lib/options.mjs";
import { appendToResultsMarkdown, relativeToRepo, REPO_ROOT, requireBuiltServer, SERVER_DIST, writeJsonResult } from "./lib/results-file.mjs";

// Each sample times this many calls: one call takes well under a microsecond, below
// what a single timestamp pair can resolve.
const CALLS_PER_SAMPLE = 1_000;

const OPTIONS = {
  time: { type: "integer", env: "BENCH_MICRO_TIME", default: 1000, min: 10, help: "milliseconds per step" },
  record: { type: "boolean", env: "BENCH_RECORD", default: false, help: "append the run to bench/RESULTS.md" },
  note: { type: "string", env: "BENCH_NOTE", default: "", help: "a remark recorded with the run" },
  provisional: { type: "boolean", env: "BENCH_PROVISIONAL", default: false, help: "label the run provisional (also automatic on a busy machine)" },
  help: { type: "boolean", default: false, help: "show this help" },
};

function tinybenchVersion() {
  // The package does not export its package.json.
  return JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules", "tinybench", "package.json"), "utf8")).version;
}

async function loadServerModules() {
  const keys = await import(pathToFileURL(path.join(SERVER_DIST, "keys", "index.js")).href);
  const auth = await import(pathToFileURL(path.join(SERVER_DIST, "auth", "index.js")).href);
  return { keys, auth };
}

/** A cache and verifier as createKeyward builds them, over a store stub that knows one key. */
async function buildVerifier({ keys, auth }, key) {
  const keyHash = keys.hashApiKey(key);
  const record = {
    id: "key_bench",
    workspaceId: "ws_bench",
    environment: "test",
    name: "Micro benchmark",
    scopes: ["prompts:read", "prompts:list", "monitor:run"],
    expiresAt: null,
    revokedAt: null,
    createdBy: null,
  };
  const store = { findKeyByHash: async (hash) => (hash === keyHash ? record : null) };
  const cache = new auth.VerificationCache({ maxEntries: 100_000, ttlMs: 60_000, missMaxEntries: 50_000, missTtlMs: 10_000 });
  const verifier = new auth.KeyVerifier(store, cache);
  return { verifier, cache, keyHash };
}

/** A well-formed key with one random character changed, so its checksum no longer matches. */
function breakChecksum(key) {
  const at = 20;
  return key.slice(0, at) + (key[at] === "A" ? "B" : "A") + key.slice(at + 1);
}

async function main() {
  const options = readOptions(OPTIONS, process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`Usage: npm run bench:micro -- [options]\n${describeOptions(OPTIONS)}\n`);
    return 0;
  }
  if (options.positionals.length > 0) throw new UsageError(`unexpected argument "${options.positionals[0]}" (see --help)`);
  requireBuiltServer();
  const modules = await loadServerModules();
  const { keys, auth } = modules;
  const machine = describeMachine();
  const startedAt = new Date();

  const key = keys.generateApiKey("test");
  const header = `Bearer ${key}`;
  const unknownHeader = `Bearer ${keys.generateApiKey("test")}`;
  const badChecksumHeader = `Bearer ${breakChecksum(key)}`;
  const { verifier, cache, keyHash } = await buildVerifier(modules, key);
  // Fill the cache: the known key as a hit, the unknown one as a remembered miss.
  const first = await verifier.verify(header);
  const unknown = await verifier.verify(unknownHeader);
  const malformed = verifier.verify(badChecksumHeader);
  if (!first.valid || unknown.code !== "NOT_FOUND" || malformed.code !== "MALFORMED") {
    throw new Error("the verifier did not answer as the benchmark expects; is packages/server/dist up to date?");
  }
  for (const candidate of [header, unknownHeader]) {
    if (verifier.verify(candidate) instanceof Promise) throw new Error("a cached key still went to storage");
  }

  // Results flow into `sink` so the optimiser cannot drop the calls.
  let sink = 0;
  const steps = [
    ["parse header", () => (sink += auth.parseAuthorization(header).kind.length)],
    ["format + checksum", () => (sink += keys.isWellFormedKey(key) ? 1 : 0)],
    ["SHA-256 (hex)", () => (sink += keys.hashApiKey(key).length)],
    ["cache hit", () => (sink += cache.get(keyHash) === undefined ? 0 : 1)],
    ["verify: valid key, cached (all steps)", () => (sink += verifier.verify(header).valid ? 1 : 0)],
    ["verify: bad checksum", () => (sink += verifier.verify(badChecksumHeader).valid ? 1 : 0)],
    ["verify: unknown key, cached miss", () => (sink += verifier.verify(unknownHeader).valid ? 1 : 0)],
  ];

  const bench = new Bench({ time: options.time, warmupTime: Math.min(250, options.time) });
  for (const [name, step] of steps) {
    bench.add(name, () => {
      const start = bench.now();
      for (let i = 0; i < CALLS_PER_SAMPLE; i++) step();
      const elapsed = bench.now() - start;
      return { overriddenDuration: elapsed / CALLS_PER_SAMPLE, overriddenIterationCost: elapsed };
    });
  }
  await bench.run();

  const results = bench.tasks.map((task) => {
    const result = task.result;
    if (!("latency" in result)) throw new Error(`step "${task.name}" did not complete: ${result.state}`);
    return {
      step: task.name,
      meanUs: result.latency.mean * 1000,
      p50Us: result.latency.p50 * 1000,
      p99Us: result.latency.p99 * 1000,
      opsPerSecond: 1000 / result.latency.mean,
      samples: result.latency.samplesCount ?? task.runs,
      rmePercent: result.latency.rme,
    };
  });
  const table = [
    "| step | µs/op (mean) | µs/op (p50) | µs/op (p99) | ops/s | ± (rme) |",
    "|---|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.step} | ${r.meanUs.toFixed(3)} | ${r.p50Us.toFixed(3)} | ${r.p99Us.toFixed(3)} | ` +
        `${Math.round(r.opsPerSecond).toLocaleString("en-US")} | ${r.rmePercent.toFixed(1)} % |`,
    ),
  ].join("\n");
  const provisional = options.provisional || isBusy(machine);

  process.stdout.write(`${table}\n\n(sink ${sink > 0 ? "ok" : "empty"}; each sample is the mean of ${CALLS_PER_SAMPLE} calls)\n`);
  const jsonFile = writeJsonResult("verify-micro", startedAt, {
    benchmark: "verify-micro",
    startedAt: startedAt.toISOString(),
    provisional,
    note: options.note || undefined,
    machine,
    settings: { timeMsPerStep: options.time, callsPerSample: CALLS_PER_SAMPLE, tinybench: tinybenchVersion() },
    results,
  });
  process.stdout.write(`Results: ${relativeToRepo(jsonFile)}\n`);
  if (options.record) {
    const section = [
      `### ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC — verification micro-benchmark${provisional ? " (provisional)" : ""}`,
      "",
      machineMarkdown(machine),
      `- Settings: tinybench, ${options.time} ms per step, each sample the mean of ${CALLS_PER_SAMPLE} calls`,
      ...(options.note ? [`- Note: ${options.note}`] : []),
      `- JSON: \`${relativeToRepo(jsonFile)}\``,
      "",
      table,
    ].join("\n");
    process.stdout.write(`Recorded in ${relativeToRepo(appendToResultsMarkdown(section))}\n`);
  }
  return 0;
}

runScript(main);
