import type { CreditCharge } from "../credits/index.js";
import { isApiError } from "../errors/index.js";
import type { MonitorService } from "../monitor/index.js";
import type { TaskRecord, TaskStore } from "./task-store.js";

/** How a task's credits are taken before it runs and given back when it fails. */
export interface TaskBilling {
  charge(task: TaskRecord): Promise<CreditCharge | null>;
  refund(charge: CreditCharge): Promise<unknown>;
}

export interface TaskWorkerOptions {
  /** Tasks this instance runs at once. */
  concurrency: number;
  /** How long a claim holds before another instance may take the task over. */
  leaseMs: number;
  /** Pause between looks at an empty queue. */
  pollMs: number;
  /** Attempts before a task whose instances keep dying is given up. */
  maxAttempts?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
  /** Told when a task ends, with the credits it cost (webhooks). */
  onFinished?: (task: TaskRecord, credits: number) => void;
}

const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Runs queued monitor tasks inside this instance: up to `concurrency` at once, each claimed
 * from the shared queue so no two instances run the same task. Live tasks are charged when
 * they start and refunded when they fail: only results are paid for.
 *
 * @example
 * const worker = new TaskWorker(store, monitor, billing, { concurrency: 4, leaseMs: 300_000, pollMs: 500 });
 * worker.start(); … await worker.stop();
 */
export class TaskWorker {
  private running = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(
    private readonly store: TaskStore,
    private readonly monitor: MonitorService,
    private readonly billing: TaskBilling,
    private readonly options: TaskWorkerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get concurrency(): { used: number; max: number } {
    return { used: this.running, max: this.options.concurrency };
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops claiming and waits for the tasks in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.all([...this.inFlight]);
  }

  /** Looks at the queue now (after a task is queued) instead of at the next poll. */
  wake(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fill(), delayMs);
    this.timer.unref();
  }

  /** Claims tasks until the slots are full or the queue is empty. */
  private async fill(): Promise<void> {
    try {
      while (!this.stopped && this.running < this.options.concurrency) {
        this.running++;
        let task: TaskRecord | null;
        try {
          task = await this.store.claim(this.now(), this.options.leaseMs);
        } catch (error) {
          this.running--;
          throw error;
        }
        if (task === null) {
          this.running--;
          break;
        }
        const run = this.execute(task).finally(() => {
          this.running--;
          this.inFlight.delete(run);
          this.wake();
        });
        this.inFlight.add(run);
      }
    } catch (error) {
      this.options.onError?.(error);
    }
    if (!this.stopped) this.schedule(this.options.pollMs);
  }

  private async execute(task: TaskRecord): Promise<void> {
    try {
      const { credits, ...outcome } = await this.outcomeOf(task);
      const completedAt = this.now();
      if (await this.store.finish(task, outcome, completedAt)) {
        const result = outcome.status === "COMPLETED" ? outcome.result : null;
        const error = outcome.status === "FAILED" ? outcome.error : null;
        this.options.onFinished?.({ ...task, status: outcome.status, result, error, completedAt }, credits);
      }
    } catch (error) {
      // The lease runs out and another worker (maybe this one) retries the task.
      this.options.onError?.(error);
    }
  }

  private async outcomeOf(task: TaskRecord): Promise<({ status: "COMPLETED"; result: string } | { status: "FAILED"; error: string }) & { credits: number }> {
    if (task.attempts > (this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      return { status: "FAILED", error: "The task was interrupted too many times", credits: 0 };
    }
    const sandbox = task.environment === "test";
    const charge = sandbox ? null : await this.billing.charge(task);
    if (!sandbox && charge === null) return { status: "FAILED", error: "Insufficient credits", credits: 0 };
    try {
      const result = await this.monitor.run({ engine: task.taskType, ...task.payload }, { sandbox });
      return { status: "COMPLETED", result: JSON.stringify(result), credits: charge?.credits ?? 0 };
    } catch (error) {
      if (charge) await this.billing.refund(charge);
      // API errors carry safe messages (502, 503); anything else is not shown.
      return { status: "FAILED", error: isApiError(error) ? error.message : "Internal error", credits: 0 };
    }
  }
}
