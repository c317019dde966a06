export { KeywardMetrics, type MetricSources } from "./keyward-metrics.js";
export { RequestCounters } from "./request-counters.js";
export { FlushLag } from "./flush-lag.js";
export { installRequestCounting, registerMetricsRoute } from "./metrics-route.js";
export { backendHealth } from "./backend-health.js";
export { createMetrics } from "./create-metrics.js";
