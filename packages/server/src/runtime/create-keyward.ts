import type { FastifyInstance } from "fastify";
import { KeyVerifier, VerificationCache } from "../auth/index.js";
import type { KeywardConfig } from "../config/index.js";
import { ChangeFeedPoller, PostgresChangeListener } from "../events/index.js";
import { buildApp } from "../http/build-app.js";
import { KeyService } from "../management/index.js";
import type { Kysely } from "kysely";
import { CHANGE_CHANNEL, openStore, type Store } from "../store/index.js";
import type { Database } from "../store/schema.js";
import { UsageRecorder } from "../usage/index.js";

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
  /** Stops background work, flushes usage and closes storage (the app first, if listening). */
  close(): Promise<void>;
}

/** Wires storage, cache, verifier, change feed, usage and HTTP app from a configuration. */
export async function createKeyward(
  config: KeywardConfig,
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<Keyward> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const cache = new VerificationCache({
    maxEntries: config.cacheMaxEntries,
    ttlMs: config.cacheTtlMs,
    missMaxEntries: config.missCacheMaxEntries,
    missTtlMs: config.missCacheTtlMs,
  });
  const verifier = new KeyVerifier(store, cache);
  const keys = new KeyService(store, (keyHash) => verifier.invalidateKey(keyHash));
  let app: FastifyInstance | undefined;
  const usage = new UsageRecorder(
    (batch) => store.applyUsageBatch(batch),
    Date.now,
    (error) => app?.log.warn({ err: error }, "usage flush failed; the batch will be retried"),
  );
  const changes = new ChangeFeedPoller(store, (error) => app?.log.warn({ err: error }, "change feed poll failed"));
  changes.subscribe((event) => {
    if (event.kind === "key") verifier.invalidateKey(event.subject);
    else verifier.invalidateWorkspace(event.subject);
  });

  app = await buildApp({ config, store, verifier, usage, keys, ...options });
  await changes.start(config.changePollMs);
  const listener = config.databaseUrl
    ? new PostgresChangeListener(config.databaseUrl, CHANGE_CHANNEL, () => void changes.pollOnce(), (error) =>
        app?.log.warn({ err: error }, "change listener disconnected; polling meanwhile"),
      )
    : undefined;
  await listener?.start();
  usage.start(config.usageFlushMs);
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
    close() {
      closing ??= (async () => {
        clearInterval(pruneTimer);
        changes.stop();
        await listener?.stop();
        await built.close();
        await usage.stop().catch((error: unknown) => built.log.error({ err: error }, "final usage flush failed"));
        await store.close();
      })();
      return closing;
    },
  };
}
