import pg from "pg";

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * Holds one PostgreSQL connection that LISTENs on the change channel and calls `onChange`
 * for every NOTIFY. It only makes the change feed faster: when the connection drops, it
 * reconnects with backoff, and the poller keeps everything correct meanwhile.
 */
export class PostgresChangeListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryDelay = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {
    await this.connect().catch((error: unknown) => this.scheduleReconnect(error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5_000 });
    client.on("notification", () => this.onChange());
    client.on("error", (error) => this.scheduleReconnect(error));
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryDelay = RECONNECT_MIN_MS;
    // Changes made while we were not listening are picked up by reading the feed now.
    this.onChange();
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped || this.retryTimer) return;
    this.onError(error);
    const broken = this.client;
    this.client = undefined;
    void broken?.end().catch(() => {});
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().catch((next: unknown) => this.scheduleReconnect(next));
    }, this.retryDelay);
    this.retryTimer.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, RECONNECT_MAX_MS);
  }
}
