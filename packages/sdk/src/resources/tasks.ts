import { KeywardError } from "../errors.js";
import type { HttpClient, RequestOptions } from "../http.js";
import { sleep } from "../sleep.js";
import type { Engine, MonitorParams, MonitorResult } from "./monitor.js";

export type TaskStatus = "QUEUED" | "PROCESSING" | "COMPLETED" | "FAILED";

/** A monitor request run in the background. */
export interface Task {
  id: string;
  status: TaskStatus;
  taskType?: Engine;
  priority?: number;
  idempotencyKey?: string | null;
  createdAt?: string;
  completedAt?: string | null;
  /** The monitor result, once the task is `COMPLETED`. */
  response?: MonitorResult | null;
  /** Why the task failed, once it is `FAILED`. */
  error?: string | null;
}

export interface CreateTaskParams {
  taskType: Engine;
  /** The monitor request, without `model` (the task type says it). */
  payload: Omit<MonitorParams, "model">;
  /** 1 (lowest) to 10. */
  priority?: number;
  /** A second task with the same key is refused with `ConflictError`. */
  idempotencyKey?: string;
  /** Where to POST the signed result when the task ends. */
  webhook?: { url: string };
}

export interface WaitForTaskOptions extends RequestOptions {
  /** Give up after this long (default 5 minutes) with a `TaskTimeoutError`. */
  waitTimeoutMs?: number;
  /** First pause between polls (default 1 s); it grows by half each poll. */
  pollIntervalMs?: number;
  /** Longest pause between polls (default 10 s). */
  maxPollIntervalMs?: number;
}

/** `tasks.wait` gave up before the task ended. `task` is the last state seen. */
export class TaskTimeoutError extends KeywardError {
  override name = "TaskTimeoutError";
  readonly task: Task;

  constructor(task: Task, waitedMs: number) {
    super(`Task ${task.id} was still ${task.status} after ${waitedMs} ms`);
    this.task = task;
  }
}

interface TaskEnvelope {
  success: true;
  task: Task;
  response?: MonitorResult | null;
}

const TERMINAL: ReadonlySet<TaskStatus> = new Set(["COMPLETED", "FAILED"]);

/** The task's own record, with the result attached when the API sends it beside the task. */
function unwrapTask(envelope: TaskEnvelope): Task {
  const task = envelope.task;
  if (task.response === undefined && envelope.response !== undefined) return { ...task, response: envelope.response };
  return task;
}

/** Background monitor requests: `client.tasks`. */
export class Tasks {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Queues a monitor request.
   *
   * @example const task = await client.tasks.create({ taskType: "CHATGPT", payload: { prompt: "Best CRM?" } });
   */
  async create(params: CreateTaskParams, options?: RequestOptions): Promise<Task> {
    return unwrapTask(await this.#http.request<TaskEnvelope>({ method: "POST", path: "/v1/async/task", body: params, options }));
  }

  /** @example const { status } = await client.tasks.get(task.id); */
  async get(id: string, options?: RequestOptions): Promise<Task> {
    return unwrapTask(await this.#http.request<TaskEnvelope>({ method: "GET", path: `/v1/async/task/${encodeURIComponent(id)}`, options }));
  }

  /**
   * Polls a task, with a growing pause, until it is `COMPLETED` or `FAILED`, and returns it.
   * A `FAILED` task is returned, not thrown: check `status`.
   *
   * @example
   * const done = await client.tasks.wait(task.id, { waitTimeoutMs: 60_000 });
   * if (done.status === "COMPLETED") console.log(done.response?.text);
   */
  async wait(id: string, options: WaitForTaskOptions = {}): Promise<Task> {
    const { waitTimeoutMs = 300_000, pollIntervalMs = 1_000, maxPollIntervalMs = 10_000, ...requestOptions } = options;
    const started = Date.now();
    let pause = pollIntervalMs;
    for (;;) {
      const task = await this.get(id, requestOptions);
      if (TERMINAL.has(task.status)) return task;
      const elapsed = Date.now() - started;
      if (elapsed >= waitTimeoutMs) throw new TaskTimeoutError(task, elapsed);
      await sleep(Math.min(pause, waitTimeoutMs - elapsed), requestOptions.signal);
      pause = Math.min(maxPollIntervalMs, pause * 1.5);
    }
  }
}
