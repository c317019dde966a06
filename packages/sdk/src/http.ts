import { errorFromResponse } from "./error-response.js";
import { APIConnectionError, APIError, APITimeoutError, RateLimitError } from "./errors.js";
import { keyHint } from "./key-format.js";
import { MAX_RETRY_AFTER_MS, backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from "./retry.js";
import { sleep } from "./sleep.js";

/** Per-call settings every SDK method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the call, including any backoff wait between attempts. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (per attempt). */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Extra request headers. `Authorization` is always the client's key. */
  headers?: Record<string, string>;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Safe to send twice (a read, or a write whose repeat changes nothing): such requests are
   * also retried after network errors, timeouts and any 5xx. Defaults to true for GET, PUT, DELETE.
   */
  idempotent?: boolean;
  options?: RequestOptions | undefined;
}

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpClientConfig {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: FetchFunction;
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  isJson: boolean;
}

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(["GET", "PUT", "DELETE"]);

function parseBody(text: string): { body: unknown; isJson: boolean } {
  if (text === "") return { body: undefined, isJson: true };
  try {
    return { body: JSON.parse(text) as unknown, isJson: true };
  } catch {
    return { body: text, isJson: false };
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}

/**
 * Sends API requests: the key, JSON in and out, a timeout per attempt, retries with backoff,
 * and typed errors. The key lives in a private field so it never shows in logs of the object.
 */
export class HttpClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly #apiKey: string;
  readonly #fetch: FetchFunction;

  constructor(config: HttpClientConfig) {
    this.baseUrl = config.baseUrl;
    this.timeoutMs = config.timeoutMs;
    this.maxRetries = config.maxRetries;
    this.#apiKey = config.apiKey;
    this.#fetch = config.fetch;
  }

  /** The key's display hint (`sk_live_KWca…eqyC`), safe to print. */
  get keyHint(): string {
    return keyHint(this.#apiKey);
  }

  /** Sends a request, retrying what is worth retrying, and returns the parsed JSON body. */
  async request<T>(request: ApiRequest): Promise<T> {
    const options = request.options ?? {};
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
    const url = this.#url(request.path, request.query);
    const init = this.#init(request, options);

    for (let attempt = 0; ; attempt++) {
      const retriesLeft = attempt < maxRetries;
      let response: RawResponse;
      try {
        response = await this.#send(url, init, timeoutMs, options.signal);
      } catch (error) {
        // Only connection failures are retried; a caller's abort goes straight back.
        if (!(error instanceof APIConnectionError) || !idempotent || !retriesLeft) throw error;
        await sleep(backoffDelayMs(attempt), options.signal);
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        if (!response.isJson) {
          throw new APIError({ status: response.status, code: "invalid_response", message: "The API answered with a body that is not JSON", headers: response.headers, body: response.body });
        }
        return response.body as T;
      }
      const error = errorFromResponse(response.status, response.headers, response.body, (text) => this.#redact(text));
      if (!retriesLeft || !isRetryableStatus(response.status, idempotent)) throw error;
      const retryAfterMs = this.#retryAfterMs(error);
      if (retryAfterMs !== null && retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
      await sleep(retryAfterMs ?? backoffDelayMs(attempt), options.signal);
    }
  }

  /** Never shows the key: `JSON.stringify` of anything holding this client stays safe. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, apiKey: this.keyHint, timeoutMs: this.timeoutMs, maxRetries: this.maxRetries };
  }

  #retryAfterMs(error: APIError): number | null {
    const header = parseRetryAfterMs(error.headers.get("retry-after"));
    if (header !== null) return header;
    if (error instanceof RateLimitError && error.retryAfter !== null) return error.retryAfter * 1000;
    return null;
  }

  #url(path: string, query: ApiRequest["query"]): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) params.set(name, String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ""}`;
  }

  #init(request: ApiRequest, options: RequestOptions): RequestInit {
    const headers = new Headers(options.headers);
    headers.set("authorization", `Bearer ${this.#apiKey}`);
    headers.set("accept", "application/json");
    const init: RequestInit = { method: request.method, headers };
    if (request.body !== undefined) {
      headers.set("content-type", "application/json");
      init.body = JSON.stringify(request.body);
    }
    return init;
  }

  async #send(url: string, init: RequestInit, timeoutMs: number, signal: AbortSignal | undefined): Promise<RawResponse> {
    // One controller per attempt, aborted by the timeout or by the caller's signal.
    // (AbortSignal.any would do this, but Node 18 lacks it.)
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await this.#fetch(url, { ...init, signal: controller.signal });
      // The body is read inside the timeout too: a server that stalls mid-body is a timeout.
      const parsed = parseBody(await response.text());
      return { status: response.status, headers: response.headers, ...parsed };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const origin = new URL(this.baseUrl).origin;
      if (timedOut) throw new APITimeoutError(`No answer from ${origin} within ${timeoutMs} ms`);
      throw new APIConnectionError(this.#redact(`Could not reach ${origin}: ${describeFailure(error)}`), { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  // Defence in depth: the API never echoes keys, but a proxy in between might.
  #redact(text: string): string {
    return text.split(this.#apiKey).join(this.keyHint);
  }
}
