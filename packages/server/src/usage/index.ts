export { UsageRecorder, outcomeOfStatus } from "./usage-recorder.js";
export { UsageStore, type UsageRow, type UsageRange, type CompactionResult, type KeyLastUse } from "./usage-store.js";
export { UsageService, MAX_BUCKETS, type UsageQuery, type UsageSeries, type UsageByKey } from "./usage-service.js";
export { fillBuckets, USAGE_OUTCOMES, type UsageBucket, type UsageGranularity } from "./usage-buckets.js";
export { HOURLY_RETENTION_DAYS, DAILY_RETENTION_DAYS, retentionCutoffs, startOfUtcDay } from "./usage-retention.js";
export { registerUsageRoutes, presentUsageBucket } from "./usage-routes.js";
export { UsageCompactor } from "./usage-compactor.js";
