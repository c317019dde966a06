// The arithmetic of the load benchmark, kept apart from processes and sockets so it
// can be unit-tested (bench-stats.test.ts). Plain ESM JavaScript: the harness runs on
// Node 20 without a build step; types live in bench-stats.d.mts.

/** Marker of the one machine-readable line wrk-report.lua prints at the end of a run. */
export const WRK_REPORT_MARKER = "KEYWARD_BENCH_JSON ";

/**
 * Median of a non-empty list of numbers (mean of the two middle values for an even count).
 *
 * @example median([3, 1, 2]) // 2
 */
export function median(values) {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `part / whole`, or `null` when the whole is not a positive number (nothing to compare with).
 *
 * @example ratio(45_000, 50_000) // 0.9
 */
export function ratio(part, whole) {
  if (!(whole > 0) || !Number.isFinite(part)) return null;
  return part / whole;
}

/**
 * Reads the summary line that wrk-report.lua's `done()` prints. wrk counts a status of
 * 400 or more as a status error (it has no notion of 3xx as a failure), so `non2xx`
 * here means ">= 400"; the harness checks the exact 200 of each route before loading it.
 *
 * @example parseWrkReport("…\nKEYWARD_BENCH_JSON {\"requests\":10,…}\n").requests // 10
 */
export function parseWrkReport(stdout) {
  const line = stdout.split("\n").find((candidate) => candidate.startsWith(WRK_REPORT_MARKER));
  if (line === undefined) throw new Error("wrk printed no summary line (is bench/lib/wrk-report.lua loaded with -s?)");
  const report = JSON.parse(line.slice(WRK_REPORT_MARKER.length));
  for (const field of ["requests", "durationUs", "p50Us", "p99Us", "status", "connect", "read", "write", "timeout"]) {
    if (typeof report[field] !== "number") throw new Error(`wrk summary line lacks the number "${field}"`);
  }
  if (!(report.durationUs > 0)) throw new Error("wrk summary line has a zero duration");
  const durationS = report.durationUs / 1e6;
  return {
    requests: report.requests,
    durationS,
    requestsPerSecond: report.requests / durationS,
    p50Ms: report.p50Us / 1000,
    p99Ms: report.p99Us / 1000,
    non2xx: report.status,
    errors: report.connect + report.read + report.write + report.timeout,
  };
}

/**
 * Turns autocannon's result object into the same round shape as parseWrkReport.
 * Requests per second is total/duration (as wrk computes it), not the mean of the
 * per-second samples, so both tools report the same quantity.
 */
export function fromAutocannonResult(result) {
  if (!(result.duration > 0)) throw new Error("autocannon result has a zero duration");
  return {
    requests: result.requests.total,
    durationS: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    // autocannon's `errors` already includes its timeouts.
    errors: result.errors,
  };
}

/**
 * Server CPU time per request in microseconds for one round, from the CPU time the server
 * process used during it; `null` when that could not be read.
 *
 * @example cpuMicrosPerRequest(250, 10_000) // 25
 */
export function cpuMicrosPerRequest(serverCpuMs, requests) {
  if (serverCpuMs === null || !(requests > 0)) return null;
  return (serverCpuMs * 1000) / requests;
}

/**
 * Folds the rounds of one route into medians: requests/s, p50, p99 and server CPU per
 * request are each the median over rounds (so one disturbed round cannot move the figure
 * much); failures add up.
 */
export function summarizeRounds(rounds) {
  if (rounds.length === 0) throw new RangeError("no rounds to summarize");
  const rates = rounds.map((round) => round.requestsPerSecond);
  const cpu = rounds.map((round) => round.cpuUsPerRequest ?? null);
  return {
    cpuUsPerRequest: cpu.includes(null) ? null : median(cpu),
    rounds: rounds.length,
    requestsPerSecond: median(rates),
    minRequestsPerSecond: Math.min(...rates),
    maxRequestsPerSecond: Math.max(...rates),
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
  };
}

/**
 * The order of the timed runs: every route once per round, rounds one after another,
 * so that drift of a shared machine hits all routes alike.
 *
 * @example interleave(["livez", "health"], 2) // livez, health, livez, health
 */
export function interleave(routes, rounds) {
  const order = [];
  for (let round = 1; round <= rounds; round++) {
    for (const route of routes) order.push({ route, round });
  }
  return order;
}
