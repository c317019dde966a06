export { createRedisConnection, REDIS_TIMEOUTS } from "./redis-connection.js";
export { FailoverRateLimitStore, type RedisOutageEvents } from "./failover-rate-limit-store.js";
export { RedisChangeBus, REDIS_CHANGE_CHANNEL } from "./redis-change-bus.js";
export { openRedisBackend, type RedisBackend, type RedisBackendLog } from "./redis-backend.js";
