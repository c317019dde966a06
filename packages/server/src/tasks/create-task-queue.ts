import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { CreditService } from "../credits/index.js";
import type { KeyLimitsCache } from "../limits/index.js";
import type { MonitorService } from "../monitor/index.js";
import { loadOrCreateServerSecret } from "../prompts/index.js";
import type { Database } from "../store/schema.js";
import { TASK_RETENTION_MS, TaskService } from "./task-service.js";
import type { TaskSettings } from "./task-settings.js";
import { TaskStore } from "./task-store.js";
import { TaskWorker } from "./task-worker.js";
import { WebhookSender, type WebhookSenderOptions } from "./webhook-sender.js";
import { workspaceWebhookSecret } from "./webhook-signature.js";

const WEBHOOK_SECRET_NAME = "webhook_signing_key";

export interface TaskQueue {
  store: TaskStore;
  worker: TaskWorker;
  service: TaskService;
  /** Starts the worker (unless its concurrency is 0) and the hourly clean-up of old results. */
  start(): void;
  /** Stops claiming, waits for the tasks in flight. */
  stop(): Promise<void>;
}

export interface TaskQueueParts {
  db: Kysely<Database>;
  dialect: "sqlite" | "postgres";
  monitor: MonitorService;
  credits: CreditService;
  keyLimits: KeyLimitsCache;
  settings: TaskSettings;
  /** Retry pauses of webhook deliveries (tests pass zeros). */
  webhookRetryDelaysMs?: readonly number[];
  onError: (error: unknown, message: string) => void;
}

/**
 * The async task queue of one instance: storage, worker and service, with billing through
 * the workspace's credits (the monitor's cost per task, taken when it runs).
 *
 * @example const queue = createTaskQueue({ db, dialect, monitor, credits, keyLimits, settings, onError }); queue.start();
 */
export function createTaskQueue(parts: TaskQueueParts): TaskQueue {
  const store = new TaskStore(parts.db, parts.dialect);
  let serverSecret: Promise<string> | undefined;
  const webhookSecretFor = async (workspaceId: string) => {
    serverSecret ??= loadOrCreateServerSecret(parts.db, WEBHOOK_SECRET_NAME, () => randomBytes(32).toString("base64url"));
    return workspaceWebhookSecret(await serverSecret.catch((error: unknown) => {
      serverSecret = undefined;
      throw error;
    }), workspaceId);
  };
  const senderOptions: WebhookSenderOptions = { onError: (error, message) => parts.onError(error, message) };
  if (parts.webhookRetryDelaysMs) senderOptions.retryDelaysMs = parts.webhookRetryDelaysMs;
  const webhooks = new WebhookSender(webhookSecretFor, senderOptions);
  const worker = new TaskWorker(
    store,
    parts.monitor,
    {
      async charge(task) {
        const limits = await parts.keyLimits.get(task.keyId, task.workspaceId);
        return parts.credits.charge(task.workspaceId, limits.plan, parts.monitor.settings.cost);
      },
      refund: (charge) => parts.credits.refund(charge),
    },
    {
      ...parts.settings,
      onError: (error) => parts.onError(error, "a monitor task failed to run; its lease will hand it to a worker again"),
      onFinished: (task, credits) => webhooks.deliver(task, credits),
    },
  );
  const service = new TaskService(store, parts.settings.concurrency > 0 ? worker : null, webhookSecretFor);
  let pruneTimer: NodeJS.Timeout | undefined;
  return {
    store,
    worker,
    service,
    start() {
      if (parts.settings.concurrency > 0) worker.start();
      pruneTimer = setInterval(
        () => void store.pruneEndedBefore(Date.now() - TASK_RETENTION_MS).catch((error: unknown) => parts.onError(error, "pruning old tasks failed")),
        3_600_000,
      );
      pruneTimer.unref();
    },
    async stop() {
      clearInterval(pruneTimer);
      await worker.stop();
      await webhooks.stop();
    },
  };
}
