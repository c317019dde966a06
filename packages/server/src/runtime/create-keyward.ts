import type { FastifyInstance } from "fastify";
import { KeyVerifier, VerificationCache } from "../auth/index.js";
import type { KeywardConfig } from "../config/index.js";
import { ChangeFeedPoller, PostgresChangeListener } from "../events/index.js";
import { buildApp } from "../http/build-app.js";
import { KeyService } from "../management/index.js";
import type { Kysely } from "kysely";
import { CHANGE_CHANNEL, openStore, type Store } from "../store/index.js";
import type { Database } from "../store/schema.js";
import { UsageRecorder, type UsageService } from "../usage/index.js";
import type { CreditService } from "../credits/index.js";
import type { LimitsService } from "../limits/index.js";
import { createLimits, type LimitsParts } from "./create-limits.js";
import { createPromptRegistry, type PromptRegistry } from "../prompts/index.js";
import { MonitorService, readMonitorSettings } from "../monitor/index.js";
import { createTaskQueue, readTaskSettings, type TaskQueue } from "../tasks/index.js";
import { AuditLog } from "../audit/index.js";
import { LeakResponder, loadScanningPublicKeys } from "../security/index.js";
import { createConsoleState, type ConsoleState } from "../console/index.js";
import { createMetrics, FlushLag, type KeywardMetrics } from "../metrics/index.js";
import { createOutageFallbacks } from "../resilience/index.js";
import { openRedisBackend, type RedisBackend } from "../redis/index.js";
import {
  createPeopleServices,
  loadWorkspaceAccess,
  WorkspaceAccessCache,
  workspaceAccessGuard,
  type PeopleServices,
} from "../workspaces/index.js";

const CHANGE_RETENTION_MS = 86_400_000;

/** A running Keyward: its app and the parts tests and the CLI reach into. */
export interface Keyward {
  app: FastifyInstance;
  store: Store;
  /** The query builder over the same database, for feature stores (prompts, limits, …). */
  db: Kysely<Database>;
  verifier: KeyVerifier;
  usage: UsageRecorder;
  keys: KeyService;
  changes: ChangeFeedPoller;
  /** The append-only audit log (key, member, subscription and sign-in events). */
  audit: AuditLog;
  /** Users, memberships, invitations and workspaces (they write audit entries and invalidate access). */
  people: PeopleServices;
  /** Workspace status and member roles, as the request path reads them. */
  workspaceAccess: WorkspaceAccessCache;
  /** The prompt registry's services (prompts and their context items), as the routes and the dashboard use them. */
  prompts: PromptRegistry;
  /** The dashboard's sessions, setup link and sign-in throttle. */
  console: ConsoleState;
  /** Plans and per-key rate limits (CLI and dashboard). */
  limits: LimitsService;
  /** Credit balances: charge, refund, grant, read. */
  credits: CreditService;
  /** Usage as the API and the dashboard read it (series per hour or day, last use, compaction). */
  usageQueries: UsageService;
  /** The request path's limit stores and caches, for tests. */
  limitParts: LimitsParts;
  /** The monitor's engines (providers by configuration) and sandbox. */
  monitor: MonitorService;
  /** Background monitor tasks: their store, this instance's worker, the service the routes use. */
  tasks: TaskQueue;
  /** Prometheus metrics (`GET /metrics`). */
  metrics: KeywardMetrics;
  /** Shared rate limits and the invalidation bus, with `REDIS_URL`. */
  redis: RedisBackend | undefined;
  /** Stops background work, flushes usage and closes storage (the app first, if listening). */
  close(): Promise<void>;
}

/** Wires storage, cache, verifier, change feed, usage and HTTP app from a configuration. */
export async function createKeyward(
  config: KeywardConfig,
  options: {
    logStream?: NodeJS.WritableStream;
    /** Where the monitor's engine settings (`KEYWARD_ENGINE_*`) are read; default process.env. */
    monitorEnv?: NodeJS.ProcessEnv;
    /** Pause before a provider retry (tests pass 0). */
    monitorRetryDelayMs?: number;
  } = {},
): Promise<Keyward> {
  const { monitorEnv, monitorRetryDelayMs, ...appOptions } = options;
  // Read first: a bad engine setting fails startup before storage is opened.
  const monitor = new MonitorService(
    readMonitorSettings(monitorEnv ?? process.env),
    monitorRetryDelayMs === undefined ? {} : { retryDelayMs: monitorRetryDelayMs },
  );
  // Bad signing keys fail start-up before anything is opened.
  const scanningKeys = config.secretScanningPublicKeys ? loadScanningPublicKeys(config.secretScanningPublicKeys) : undefined;
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const cache = new VerificationCache({
    maxEntries: config.cacheMaxEntries,
    ttlMs: config.cacheTtlMs,
    missMaxEntries: config.missCacheMaxEntries,
    missTtlMs: config.missCacheTtlMs,
    staleWindowMs: config.staleWindowMs,
  });
  const verifier = new KeyVerifier(store, cache);
  // Through a storage outage, the request path's other reads fall back like cached keys do.
  const fallbacks = createOutageFallbacks(config);
  const audit = new AuditLog(store.db);
  let app: FastifyInstance | undefined;
  // With REDIS_URL: shared rate limits, and a wake-up to every instance after each committed change.
  const redis = config.redisUrl
    ? openRedisBackend(config.redisUrl, {
        warn: (error, message) => app?.log.warn({ err: error }, message),
        info: (message) => app?.log.info(message),
      })
    : undefined;
  const keys = new KeyService(
    store,
    (keyHash) => {
      verifier.invalidateKey(keyHash);
      redis?.publish();
    },
    Date.now,
    { audit },
  );
  const workspaceAccess = new WorkspaceAccessCache(fallbacks.wrapWorkspaceAccessRead((workspaceId) => loadWorkspaceAccess(store.db, workspaceId)), {
    maxEntries: config.cacheMaxEntries,
    ttlMs: config.cacheTtlMs,
  });
  // Changes made here drop the cached access at once; other processes' changes arrive by the feed.
  const people = createPeopleServices({
    store,
    db: store.db,
    audit,
    onWorkspaceChanged: (workspaceId) => {
      fallbacks.forgetWorkspace(workspaceId);
      workspaceAccess.invalidate(workspaceId);
      redis?.publish();
    },
  });
  const flushLag = new FlushLag();
  const usage = new UsageRecorder(
    flushLag.track((batch) => store.applyUsageBatch(batch)),
    Date.now,
    (error) => app?.log.warn({ err: error }, "usage flush failed; the batch will be retried"),
  );
  const changes = new ChangeFeedPoller(store, (error) => app?.log.warn({ err: error }, "change feed poll failed"));
  changes.subscribe((event) => {
    if (event.kind === "key") verifier.invalidateKey(event.subject);
    else verifier.invalidateWorkspace(event.subject);
  });
  changes.subscribe((event) => {
    if (event.kind === "workspace") fallbacks.forgetWorkspace(event.subject);
    if (event.kind === "workspace") workspaceAccess.invalidate(event.subject);
  });
  const limitParts = createLimits(config, store.db, (error, message) => app?.log.warn({ err: error }, message), fallbacks.wrapKeyLimitsRead, {
    ...(redis ? { rates: redis.rates, onLimitsChanged: () => redis.publish() } : {}),
  });
  changes.subscribe((event) => {
    if (event.kind === "workspace") limitParts.keyLimits.invalidateWorkspace(event.subject);
  });
  const metrics = createMetrics({ verifier, cache, usage, flushLag, store, ...(redis ? { pings: { redis: () => redis.ping() } } : {}) });
  // Subscribed last: the change has been applied to every cache above when this runs.
  changes.subscribe((event) => metrics.observeInvalidation(event.createdAt));

  // The workspace step runs first: limits and credits only count requests it lets through.
  const guards = [workspaceAccessGuard(workspaceAccess), ...limitParts.guards];
  const prompts = createPromptRegistry(store.db, store);
  const tasks = createTaskQueue({
    db: store.db,
    dialect: store.dialect,
    monitor,
    credits: limitParts.credits,
    keyLimits: limitParts.keyLimits,
    settings: readTaskSettings(monitorEnv ?? process.env),
    onError: (error, message) => app?.log.warn({ err: error }, message),
  });
  const consoleState = createConsoleState(store.db);
  const dashboard = {
    ...consoleState,
    store,
    db: store.db,
    keys,
    audit,
    users: people.users,
    members: people.memberships,
    invitations: people.invitations,
    workspaces: people.workspaces,
    prompts: prompts.prompts,
    usage: limitParts.usageQueries,
    publicUrl: config.publicUrl,
  };
  const secretScanning = scanningKeys ? { publicKeys: scanningKeys, leaks: new LeakResponder({ store, keys, audit }) } : undefined;
  app = await buildApp({
    config,
    store,
    verifier,
    usage,
    keys,
    guards,
    prompts: { registry: prompts, publicUrl: config.publicUrl },
    console: dashboard,
    limits: { concurrency: limitParts.concurrency, credits: limitParts.credits, usage: limitParts.usageQueries },
    monitor,
    tasks: tasks.service,
    ...(secretScanning ? { secretScanning } : {}),
    metrics: { metrics, token: config.metricsToken },
    ...appOptions,
  });
  await changes.start(config.changePollMs);
  const listener = config.databaseUrl
    ? new PostgresChangeListener(config.databaseUrl, CHANGE_CHANNEL, () => void changes.pollOnce(), (error) =>
        app?.log.warn({ err: error }, "change listener disconnected; polling meanwhile"),
      )
    : undefined;
  await listener?.start();
  await redis?.listen(() => void changes.pollOnce());
  usage.start(config.usageFlushMs);
  limitParts.compactor.start(config.usageCompactMs);
  tasks.start();
  const pruneTimer = setInterval(() => void store.pruneChangesBefore(Date.now() - CHANGE_RETENTION_MS).catch(() => {}), 3_600_000);
  pruneTimer.unref();

  const built = app;
  let closing: Promise<void> | undefined;
  return {
    app: built,
    store,
    db: store.db,
    verifier,
    usage,
    keys,
    changes,
    audit,
    people,
    workspaceAccess,
    prompts,
    console: consoleState,
    limits: limitParts.limits,
    credits: limitParts.credits,
    usageQueries: limitParts.usageQueries,
    limitParts,
    monitor,
    tasks,
    metrics,
    redis,
    close() {
      closing ??= (async () => {
        clearInterval(pruneTimer);
        changes.stop();
        await listener?.stop();
        await redis?.close();
        await built.close();
        await tasks.stop();
        await usage.stop().catch((error: unknown) => built.log.error({ err: error }, "final usage flush failed"));
        await limitParts.compactor.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
