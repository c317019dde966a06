import type { Static } from "typebox";
import { Value } from "typebox/value";
import type { VerifiedKey } from "../auth/index.js";
import { ApiError, isApiError } from "../errors/index.js";
import { normalizeMonitorInput } from "../monitor/index.js";
import { presentTask, type TaskView } from "./present-task.js";
import { CreateTaskBody } from "./task-schemas.js";
import type { TaskStore } from "./task-store.js";
import type { TaskWorker } from "./task-worker.js";

export type CreateTaskInput = Static<typeof CreateTaskBody>;

/** Results are kept this long after a task ends. */
export const TASK_RETENTION_MS = 86_400_000;

export type BatchItemResult = { index: number; success: true; task: TaskView } | { index: number; success: false; error: string };

/** The first schema problem of a batch item, in the words the API uses for a body. */
function describeProblem(input: unknown): string | null {
  const [first] = Value.Errors(CreateTaskBody, input);
  if (first === undefined) return null;
  const params = first.params as { additionalProperties?: string[]; requiredProperties?: string[] };
  const path = first.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const leaf = params.additionalProperties?.[0] ?? params.requiredProperties?.[0];
  const field = [path, leaf].filter(Boolean).join(".") || "task";
  // An unknown field fails the `additionalProperties: false` schema at its own path.
  if (params.additionalProperties || first.schemaPath.endsWith("/additionalProperties")) return `${field} is not a known field`;
  if (params.requiredProperties) return `${field} is required`;
  return `${field} ${first.message}`;
}

/**
 * Queues monitor tasks for a key and reads them back (only within the key's workspace).
 *
 * @example const view = await tasks.create(key, { taskType: "CHATGPT", payload: { prompt: "Best CRM?" } });
 */
export class TaskService {
  constructor(
    private readonly store: TaskStore,
    private readonly worker: TaskWorker | null,
    private readonly webhookSecretFor: (workspaceId: string) => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The secret the workspace's webhooks are signed with, for receivers to verify them. */
  webhookSecret(key: VerifiedKey): Promise<string> {
    return this.webhookSecretFor(key.workspaceId);
  }

  async create(key: VerifiedKey, input: CreateTaskInput): Promise<TaskView> {
    const payload = normalizeMonitorInput(input.payload, "payload.");
    const outcome = await this.store.insert(
      {
        workspaceId: key.workspaceId,
        keyId: key.id,
        environment: key.environment,
        taskType: input.taskType,
        payload,
        priority: input.priority ?? 1,
        idempotencyKey: input.idempotencyKey ?? null,
        webhookUrl: input.webhook?.url ?? null,
      },
      this.now(),
    );
    if (!outcome.created) {
      throw new ApiError("conflict", { message: `idempotencyKey was already used by task ${outcome.task.id}` });
    }
    this.worker?.wake();
    return presentTask(outcome.task);
  }

  /** Each item is checked and queued on its own: one bad task does not refuse the others. */
  async createBatch(key: VerifiedKey, items: readonly unknown[]): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = [];
    for (const [index, item] of items.entries()) {
      const problem = describeProblem(item);
      if (problem !== null) {
        results.push({ index, success: false, error: problem });
        continue;
      }
      try {
        results.push({ index, success: true, task: await this.create(key, item as CreateTaskInput) });
      } catch (error) {
        if (!isApiError(error) || error.status >= 500) throw error;
        results.push({ index, success: false, error: error.message });
      }
    }
    return results;
  }

  async get(key: VerifiedKey, id: string): Promise<TaskView> {
    const task = await this.store.find(key.workspaceId, id);
    // Another workspace's task is "not found" too: ids are not a way to probe.
    if (task === null || (task.completedAt !== null && task.completedAt < this.now() - TASK_RETENTION_MS)) {
      throw new ApiError("not_found", { message: "Task not found" });
    }
    return presentTask(task);
  }

  async status(key: VerifiedKey): Promise<{ queue: { queued: number; processing: number }; concurrency: { used: number; max: number } }> {
    return { queue: await this.store.depth(key.workspaceId), concurrency: this.worker?.concurrency ?? { used: 0, max: 0 } };
  }
}
