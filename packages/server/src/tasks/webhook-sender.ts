import type { MonitorResult } from "../monitor/index.js";
import { presentTask, type TaskView } from "./present-task.js";
import type { TaskRecord } from "./task-store.js";
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from "./webhook-signature.js";

/** What a webhook POSTs when a task ends. */
export interface WebhookBody {
  task: TaskView;
  /** Credits the task cost (0 for sandbox and failed tasks). */
  credits: number;
  response: MonitorResult | null;
}

export interface WebhookSenderOptions {
  /** Pauses before each retry; its length is the number of retries (default 5: 1 s, 5 s, 25 s, 2 min, 10 min). */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  onError?: (error: unknown, message: string) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 25_000, 120_000, 600_000];

/**
 * Delivers signed webhooks when tasks end, retrying a delivery that fails (network error,
 * timeout, non-2xx) up to five times with growing pauses. Deliveries are kept in memory:
 * a restart drops the pending retries (the result stays readable with GET for 24 hours).
 *
 * @example const sender = new WebhookSender((ws) => secretFor(ws)); sender.deliver(task, 5); await sender.stop();
 */
export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly secretFor: (workspaceId: string) => Promise<string>,
    private readonly options: WebhookSenderOptions = {},
  ) {}

  /** Sends the task's webhook, if it has one, in the background. */
  deliver(task: TaskRecord, credits: number): void {
    if (task.webhookUrl === null || this.stopped) return;
    const view = presentTask(task);
    const body = JSON.stringify({ task: view, credits, response: view.response } satisfies WebhookBody);
    this.attempt(task, task.webhookUrl, body, 0);
  }

  /** Stops retrying and waits for the deliveries in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
  }

  private attempt(task: TaskRecord, url: string, body: string, retry: number): void {
    const run = this.post(task.workspaceId, url, body).then(
      () => {},
      (error: unknown) => {
        const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
        if (this.stopped || retry >= delays.length) {
          this.options.onError?.(error, `webhook of task ${task.id} not delivered after ${retry + 1} attempts`);
          return;
        }
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.attempt(task, url, body, retry + 1);
        }, delays[retry]);
        timer.unref();
        this.timers.add(timer);
      },
    );
    const tracked = run.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async post(workspaceId: string, url: string, body: string): Promise<void> {
    const secret = await this.secretFor(workspaceId);
    const signature = signWebhook(secret, Math.floor(Date.now() / 1000), body);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [WEBHOOK_SIGNATURE_HEADER]: signature, "user-agent": "Keyward-Webhooks" },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      redirect: "error",
    });
    await response.body?.cancel();
    // The receiver's URL is not quoted: it may carry a token.
    if (!response.ok) throw new Error(`the receiver answered HTTP ${response.status}`);
  }
}
