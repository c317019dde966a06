import type { UsageService } from "./usage-service.js";

/**
 * Runs usage compaction in the server every `intervalMs` (hourly by default): rolls
 * hourly rows past retention into daily rows and deletes daily rows past theirs.
 * Instances may all run it; on PostgreSQL a lock lets one at a time do the work.
 *
 * @example const compactor = new UsageCompactor(usage, log); compactor.start(3_600_000); … compactor.stop();
 */
export class UsageCompactor {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly usage: Pick<UsageService, "compact">,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  /** One compaction, unless one is already running (then that one). */
  runOnce(): Promise<void> {
    this.running ??= this.usage
      .compact()
      .then(
        () => {},
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Stops the timer and waits for a compaction under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
