import { existsSync } from "node:fs";
import path from "node:path";

export interface KeywardConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: string;
  logRequests: boolean;
  publicUrl: string | undefined;
  /** How long a verified key stays in the cache before it is read again (backstop to invalidation). */
  cacheTtlMs: number;
  cacheMaxEntries: number;
  /** How long an unknown key is remembered as unknown, so floods of them never reach storage. */
  missCacheTtlMs: number;
  missCacheMaxEntries: number;
  /** How often storage is polled for changes made by other processes (CLI, other instances). */
  changePollMs: number;
  usageFlushMs: number;
  /** A JSON file of plans on top of the built-in ones (KEYWARD_PLANS_FILE; see limits/plan-catalog.ts). */
  plansFile: string | undefined;
  /** Windows for requests without a valid key, per client IP, e.g. "100/minute" (comma-separated). */
  ipRateLimits: string;
  /** How often hourly usage is rolled into daily rows and old rows are deleted. */
  usageCompactMs: number;
  /**
   * How long past the cache TTL a cached key keeps verifying when storage cannot be read
   * (KEYWARD_STALE_WINDOW_MS, default 5 minutes; 0 turns it off). A key revoked on another
   * instance during an outage can keep working here for up to TTL + this window.
   */
  staleWindowMs: number;
  /** When set, `GET /metrics` needs `Authorization: Bearer <token>` (KEYWARD_METRICS_TOKEN). */
  metricsToken: string | undefined;
  /** GitHub secret-scanning signing keys: inline JSON or a file path (KEYWARD_SECRET_SCANNING_PUBLIC_KEYS; see security/). */
  secretScanningPublicKeys?: string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** An integer setting within bounds, or the fallback when unset; ConfigError names the variable. */
export function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/**
 * Loads the `.env` file of the working directory (when there is one) into the process
 * environment. Variables already set win over the file.
 */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = path.join(cwd, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Reads Keyward's configuration from environment variables; throws ConfigError on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KeywardConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL must start with postgres:// (leave it unset for embedded SQLite)");
  }
  return {
    port: readInteger(env, "PORT", 8787, 0, 65_535),
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.KEYWARD_DATA_DIR || "./data"),
    databaseUrl,
    redisUrl: env.REDIS_URL || undefined,
    logLevel: env.LOG_LEVEL || "info",
    logRequests: readBoolean(env, "KEYWARD_LOG_REQUESTS", false),
    publicUrl: env.KEYWARD_PUBLIC_URL || undefined,
    cacheTtlMs: readInteger(env, "KEYWARD_CACHE_TTL_MS", 60_000, 0, 86_400_000),
    cacheMaxEntries: readInteger(env, "KEYWARD_CACHE_MAX_KEYS", 100_000, 1, 50_000_000),
    missCacheTtlMs: readInteger(env, "KEYWARD_MISS_CACHE_TTL_MS", 10_000, 0, 3_600_000),
    missCacheMaxEntries: readInteger(env, "KEYWARD_MISS_CACHE_MAX_KEYS", 50_000, 1, 50_000_000),
    changePollMs: readInteger(env, "KEYWARD_CHANGE_POLL_MS", 200, 10, 60_000),
    usageFlushMs: readInteger(env, "KEYWARD_USAGE_FLUSH_MS", 5_000, 10, 3_600_000),
    plansFile: env.KEYWARD_PLANS_FILE ? path.resolve(env.KEYWARD_PLANS_FILE) : undefined,
    ipRateLimits: env.KEYWARD_IP_RATE_LIMITS || "100/minute",
    usageCompactMs: readInteger(env, "KEYWARD_USAGE_COMPACT_MS", 3_600_000, 1_000, 86_400_000),
    staleWindowMs: readInteger(env, "KEYWARD_STALE_WINDOW_MS", 300_000, 0, 86_400_000),
    metricsToken: env.KEYWARD_METRICS_TOKEN || undefined,
    secretScanningPublicKeys: env.KEYWARD_SECRET_SCANNING_PUBLIC_KEYS || undefined,
  };
}
