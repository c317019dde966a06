import { describe, expect, it } from "vitest";
import { describeRatio, formatRouteTable, percent } from "./report.mjs";

describe("describeRatio", () => {
  it("says when the authenticated route meets the target", () => {
    const { share, text } = describeRatio({ requestsPerSecond: 9_500 }, { requestsPerSecond: 10_000 }, 0.9);
    expect(share).toBeCloseTo(0.95, 10);
    expect(text).toBe("health/livez = 95.0 % of requests/s (target ≥ 90.0 %) — meets the target");
  });

  it("says when the authenticated route is below the target", () => {
    expect(describeRatio({ requestsPerSecond: 7_640 }, { requestsPerSecond: 10_000 }, 0.9).text).toMatch(/76\.4 %.*below the target$/);
  });

  it("has no verdict when the unauthenticated route served nothing", () => {
    expect(describeRatio({ requestsPerSecond: 1 }, { requestsPerSecond: 0 }, 0.9)).toEqual({
      share: null,
      cpuShare: null,
      text: "health/livez = n/a of requests/s (target ≥ 90.0 %)",
    });
  });

  it("adds the server CPU each route costs per request when both are known", () => {
    const { cpuShare, text } = describeRatio({ requestsPerSecond: 8_000, cpuUsPerRequest: 50 }, { requestsPerSecond: 10_000, cpuUsPerRequest: 40 }, 0.9);
    expect(cpuShare).toBeCloseTo(0.8, 10);
    expect(text).toContain("health 50.0 µs, livez 40.0 µs (authentication and the health body add 10.0 µs; CPU-bound ratio 80.0 %)");
  });
});

describe("formatRouteTable", () => {
  it("prints one Markdown row per route with rounded figures", () => {
    const table = formatRouteTable([
      {
        label: "GET /livez",
        auth: "none",
        summary: { cpuUsPerRequest: 27.25, rounds: 3, requestsPerSecond: 11_754.6, minRequestsPerSecond: 11_000, maxRequestsPerSecond: 12_000, p50Ms: 3.876, p99Ms: 21.6, requests: 350_000, non2xx: 0, errors: 0 },
      },
    ]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain("| GET /livez | none | 3 | 11,755 | 11,000–12,000 | 3.88 | 21.60 | 27.3 | 0 | 0 |");
  });
});

describe("percent", () => {
  it("shows one decimal", () => {
    expect(percent(0.8766)).toBe("87.7 %");
  });
});
