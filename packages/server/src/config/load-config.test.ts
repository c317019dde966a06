import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig, loadDotEnv } from "./load-config.js";

describe("loadConfig", () => {
  it("has working defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: "0.0.0.0",
      dataDir: path.resolve("./data"),
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: "info",
      logRequests: false,
      publicUrl: undefined,
    });
    expect(config.cacheTtlMs).toBeGreaterThan(0);
    expect(config.missCacheTtlMs).toBeGreaterThan(0);
    // Another process's revocation must reach a running server within a second.
    expect(config.changePollMs).toBeLessThan(1_000);
  });

  it("reads every variable it documents", () => {
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      KEYWARD_DATA_DIR: "/tmp/keyward-data",
      DATABASE_URL: "postgresql://localhost/keyward",
      REDIS_URL: "redis://localhost:6379",
      LOG_LEVEL: "warn",
      KEYWARD_LOG_REQUESTS: "yes",
      KEYWARD_PUBLIC_URL: "https://keys.example.com",
      KEYWARD_CACHE_TTL_MS: "1000",
      KEYWARD_CACHE_MAX_KEYS: "10",
      KEYWARD_MISS_CACHE_TTL_MS: "0",
      KEYWARD_MISS_CACHE_MAX_KEYS: "5",
      KEYWARD_CHANGE_POLL_MS: "50",
      KEYWARD_USAGE_FLUSH_MS: "100",
      KEYWARD_PLANS_FILE: "/etc/keyward/plans.json",
      KEYWARD_IP_RATE_LIMITS: "20/minute,200/hour",
      KEYWARD_USAGE_COMPACT_MS: "60000",
    });
    expect(config).toMatchObject({
      port: 0,
      host: "127.0.0.1",
      dataDir: "/tmp/keyward-data",
      databaseUrl: "postgresql://localhost/keyward",
      redisUrl: "redis://localhost:6379",
      logLevel: "warn",
      logRequests: true,
      publicUrl: "https://keys.example.com",
      cacheTtlMs: 1000,
      cacheMaxEntries: 10,
      missCacheTtlMs: 0,
      missCacheMaxEntries: 5,
      changePollMs: 50,
      usageFlushMs: 100,
      plansFile: "/etc/keyward/plans.json",
      ipRateLimits: "20/minute,200/hour",
      usageCompactMs: 60_000,
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "", KEYWARD_LOG_REQUESTS: "" })).toMatchObject({
      port: 8787,
      databaseUrl: undefined,
      logRequests: false,
    });
  });

  it.each([
    ["PORT", "http", /PORT must be an integer from 0 to 65535, got "http"/],
    ["PORT", "65536", /PORT must be an integer/],
    ["PORT", "-1", /PORT must be an integer/],
    ["PORT", "80.5", /PORT must be an integer/],
    ["KEYWARD_CACHE_MAX_KEYS", "0", /KEYWARD_CACHE_MAX_KEYS must be an integer from 1/],
    ["KEYWARD_CHANGE_POLL_MS", "5", /KEYWARD_CHANGE_POLL_MS must be an integer from 10/],
    ["KEYWARD_LOG_REQUESTS", "maybe", /KEYWARD_LOG_REQUESTS must be true or false, got "maybe"/],
    ["DATABASE_URL", "mysql://localhost/db", /DATABASE_URL must start with postgres:\/\//],
  ])("rejects %s=%s with a ConfigError naming the variable", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it("never echoes a database password in its error", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://admin:hunter2@db/keyward" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});

describe("loadDotEnv", () => {
  let dir: string | undefined;
  afterEach(() => {
    vi.unstubAllEnvs();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads a .env file without overriding variables already set", () => {
    dir = mkdtempSync(path.join(tmpdir(), "keyward-env-"));
    writeFileSync(path.join(dir, ".env"), "KEYWARD_TEST_FROM_FILE=file\nKEYWARD_TEST_ALREADY_SET=file\n");
    vi.stubEnv("KEYWARD_TEST_FROM_FILE", undefined);
    vi.stubEnv("KEYWARD_TEST_ALREADY_SET", "process");
    loadDotEnv(dir);
    expect(process.env.KEYWARD_TEST_FROM_FILE).toBe("file");
    expect(process.env.KEYWARD_TEST_ALREADY_SET).toBe("process");
  });

  it("does nothing without a .env file", () => {
    dir = mkdtempSync(path.join(tmpdir(), "keyward-env-"));
    expect(() => loadDotEnv(dir)).not.toThrow();
  });
});
