import { describe, expect, it } from "vitest";
import { cpuMicrosPerRequest, fromAutocannonResult, interleave, median, parseWrkReport, ratio, summarizeRounds, type RoundResult } from "./bench-stats.mjs";

function round(overrides: Partial<RoundResult>): RoundResult {
  return { requests: 1000, durationS: 1, requestsPerSecond: 1000, p50Ms: 1, p99Ms: 2, non2xx: 0, errors: 0, ...overrides };
}

const WRK_STDOUT = [
  "Running 10s test @ http://127.0.0.1:41234/v1/health",
  "  1 threads and 50 connections",
  "  Thread Stats   Avg      Stdev     Max   +/- Stdev",
  "    Latency     4.01ms    1.02ms  30.10ms   91.20%",
  "  120000 requests in 10.00s, 25.00MB read",
  "Requests/sec:  12000.00",
  'KEYWARD_BENCH_JSON {"requests":120000,"durationUs":10000000,"p50Us":3900.0,"p99Us":8250.5,"maxUs":30100.0,"meanUs":4010.0,"status":3,"connect":0,"read":1,"write":0,"timeout":2}',
  "",
].join("\n");

describe("median", () => {
  it("takes the middle value of an odd count whatever the order", () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it("averages the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("does not reorder the list it was given", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("ratio", () => {
  it("divides the part by the whole", () => {
    expect(ratio(45_000, 50_000)).toBeCloseTo(0.9, 10);
  });

  it("is null when there is no whole to compare with", () => {
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(10, Number.NaN)).toBeNull();
  });
});

describe("parseWrkReport", () => {
  it("reads requests per second, percentiles in milliseconds and failures from the summary line", () => {
    expect(parseWrkReport(WRK_STDOUT)).toEqual({
      requests: 120_000,
      durationS: 10,
      requestsPerSecond: 12_000,
      p50Ms: 3.9,
      p99Ms: 8.2505,
      non2xx: 3,
      errors: 3,
    });
  });

  it("fails clearly when wrk ran without the report script", () => {
    expect(() => parseWrkReport("Requests/sec:  12000.00\n")).toThrow(/no summary line/);
  });

  it("refuses a summary line that lacks a field", () => {
    expect(() => parseWrkReport('KEYWARD_BENCH_JSON {"requests":1,"durationUs":1}\n')).toThrow(/p50Us/);
  });
});

describe("fromAutocannonResult", () => {
  it("computes requests per second as total over duration, like wrk", () => {
    const result = fromAutocannonResult({
      duration: 10.05,
      requests: { total: 100_500 },
      latency: { p50: 4, p99: 9 },
      non2xx: 0,
      errors: 1,
    });
    expect(result.requestsPerSecond).toBeCloseTo(10_000, 6);
    expect(result).toMatchObject({ requests: 100_500, p50Ms: 4, p99Ms: 9, non2xx: 0, errors: 1 });
  });
});

describe("summarizeRounds", () => {
  it("reports the median round so that one disturbed round barely moves the figure", () => {
    const summary = summarizeRounds([
      round({ requestsPerSecond: 10_000, p50Ms: 4, p99Ms: 9 }),
      round({ requestsPerSecond: 2_000, p50Ms: 20, p99Ms: 90 }),
      round({ requestsPerSecond: 11_000, p50Ms: 3, p99Ms: 8 }),
    ]);
    expect(summary).toMatchObject({ rounds: 3, requestsPerSecond: 10_000, minRequestsPerSecond: 2_000, maxRequestsPerSecond: 11_000, p50Ms: 4, p99Ms: 9 });
  });

  it("reports the median server CPU per request", () => {
    const summary = summarizeRounds([round({ cpuUsPerRequest: 30 }), round({ cpuUsPerRequest: 50 }), round({ cpuUsPerRequest: 40 })]);
    expect(summary.cpuUsPerRequest).toBe(40);
  });

  it("has no CPU figure when one round could not read it", () => {
    expect(summarizeRounds([round({ cpuUsPerRequest: 30 }), round({ cpuUsPerRequest: null })]).cpuUsPerRequest).toBeNull();
  });

  it("adds up requests, non-2xx answers and errors over all rounds", () => {
    const summary = summarizeRounds([round({ non2xx: 2, errors: 1 }), round({ non2xx: 0, errors: 4 })]);
    expect(summary).toMatchObject({ requests: 2000, non2xx: 2, errors: 5 });
  });
});

describe("cpuMicrosPerRequest", () => {
  it("spreads the round's server CPU time over its requests", () => {
    expect(cpuMicrosPerRequest(250, 10_000)).toBe(25);
  });

  it("is null without a CPU reading or without requests", () => {
    expect(cpuMicrosPerRequest(null, 10_000)).toBeNull();
    expect(cpuMicrosPerRequest(250, 0)).toBeNull();
  });
});

describe("interleave", () => {
  it("runs every route once per round, rounds one after another", () => {
    expect(interleave(["livez", "health"], 3).map(({ route, round }) => `${round}:${route}`)).toEqual([
      "1:livez",
      "1:health",
      "2:livez",
      "2:health",
      "3:livez",
      "3:health",
    ]);
  });
});
