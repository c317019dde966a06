import { ratio } from "./bench-stats.mjs";

function fixed(value, digits) {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `87.3 %`, or `n/a` when there was nothing to compare with. */
export function percent(value) {
  return value === null ? "n/a" : `${fixed(value * 100, 1)} %`;
}

/**
 * A Markdown table of route summaries (readable on a terminal as it is), one row per
 * route in the order given.
 */
export function formatRouteTable(rows) {
  const lines = [
    "| route | auth | rounds | req/s (median) | req/s min–max | p50 ms | p99 ms | server CPU µs/req | non-2xx | socket errors |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { label, auth, summary } of rows) {
    lines.push(
      `| ${label} | ${auth} | ${summary.rounds} | ${fixed(summary.requestsPerSecond, 0)} | ` +
        `${fixed(summary.minRequestsPerSecond, 0)}–${fixed(summary.maxRequestsPerSecond, 0)} | ` +
        `${fixed(summary.p50Ms, 2)} | ${fixed(summary.p99Ms, 2)} | ` +
        `${summary.cpuUsPerRequest === null ? "n/a" : fixed(summary.cpuUsPerRequest, 1)} | ${summary.non2xx} | ${summary.errors} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The headline: authenticated requests/s as a share of unauthenticated ones, against the
 * target; and, when both are known, the server CPU the authenticated route adds per request
 * (what the ratio would be on a quiet machine where the server is CPU-bound).
 */
export function describeRatio(authenticated, unauthenticated, target) {
  const share = ratio(authenticated.requestsPerSecond, unauthenticated.requestsPerSecond);
  const verdict = share === null ? "" : share >= target ? " — meets the target" : " — below the target";
  let text = `health/livez = ${percent(share)} of requests/s (target ≥ ${percent(target)})${verdict}`;
  const cpuShare = ratio(unauthenticated.cpuUsPerRequest ?? Number.NaN, authenticated.cpuUsPerRequest ?? 0);
  if (cpuShare !== null) {
    const added = authenticated.cpuUsPerRequest - unauthenticated.cpuUsPerRequest;
    text += `\nserver CPU per request: health ${fixed(authenticated.cpuUsPerRequest, 1)} µs, livez ${fixed(unauthenticated.cpuUsPerRequest, 1)} µs ` +
      `(authentication and the health body add ${fixed(added, 1)} µs; CPU-bound ratio ${percent(cpuShare)})`;
  }
  return { share, cpuShare, text };
}
