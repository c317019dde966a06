/** One timed run of one route, whatever tool produced it. */
export interface RoundResult {
  requests: number;
  durationS: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx (wrk: status >= 400). */
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Server CPU time per request (the harness adds it; the tools cannot see it). */
  cpuUsPerRequest?: number | null;
}

export interface RouteSummary {
  /** Median over rounds; null when a round could not read the server's CPU time. */
  cpuUsPerRequest: number | null;
  rounds: number;
  requestsPerSecond: number;
  minRequestsPerSecond: number;
  maxRequestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface AutocannonLikeResult {
  duration: number;
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

export declare const WRK_REPORT_MARKER: string;
export declare function median(values: readonly number[]): number;
export declare function ratio(part: number, whole: number): number | null;
export declare function parseWrkReport(stdout: string): RoundResult;
export declare function fromAutocannonResult(result: AutocannonLikeResult): RoundResult;
export declare function cpuMicrosPerRequest(serverCpuMs: number | null, requests: number): number | null;
export declare function summarizeRounds(rounds: readonly RoundResult[]): RouteSummary;
export declare function interleave<R extends string>(routes: readonly R[], rounds: number): Array<{ route: R; round: number }>;
