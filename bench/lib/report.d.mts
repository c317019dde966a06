import type { RouteSummary } from "./bench-stats.mjs";

export declare function percent(value: number | null): string;
export declare function formatRouteTable(rows: ReadonlyArray<{ label: string; auth: string; summary: RouteSummary }>): string;
export declare function describeRatio(
  authenticated: Pick<RouteSummary, "requestsPerSecond"> & Partial<Pick<RouteSummary, "cpuUsPerRequest">>,
  unauthenticated: Pick<RouteSummary, "requestsPerSecond"> & Partial<Pick<RouteSummary, "cpuUsPerRequest">>,
  target: number,
): { share: number | null; cpuShare: number | null; text: string };
