import { InvalidApiKeyError, KeywardError } from "./errors.js";
import { HttpClient, type FetchFunction, type RequestOptions } from "./http.js";
import { describeKeyProblem } from "./key-format.js";
import { readEnv } from "./read-env.js";
import { Keys } from "./resources/keys.js";
import { Monitor } from "./resources/monitor.js";
import { Prompts } from "./resources/prompts.js";
import { Tasks } from "./resources/tasks.js";

export const DEFAULT_BASE_URL = "http://localhost:8787";
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface KeywardOptions {
  /** A secret key, `sk_live_…` or `sk_test_…`. Defaults to the `KEYWARD_API_KEY` environment variable. */
  apiKey?: string;
  /** Where Keyward runs. Defaults to `KEYWARD_BASE_URL`, else `http://localhost:8787`. */
  baseUrl?: string;
  /** How long one attempt may take before it is abandoned (default 30 000 ms). */
  timeoutMs?: number;
  /** How many times a failed request is tried again (default 2). */
  maxRetries?: number;
  /** A `fetch` to use instead of the global one (for tests, proxies, custom agents). */
  fetch?: FetchFunction;
}

/** `/v1/health`: the API is up and the key works. */
export interface Health {
  status: "ok";
  timestamp: string;
}

function resolveApiKey(given: string | undefined): string {
  const apiKey = (given ?? readEnv("KEYWARD_API_KEY") ?? "").trim();
  if (apiKey === "") {
    throw new InvalidApiKeyError("No API key: pass { apiKey } to new Keyward() or set KEYWARD_API_KEY");
  }
  const problem = describeKeyProblem(apiKey);
  if (problem !== null) throw new InvalidApiKeyError(`The API key is not a well-formed Keyward key: ${problem}`);
  return apiKey;
}

function resolveBaseUrl(given: string | undefined): string {
  const baseUrl = given ?? readEnv("KEYWARD_BASE_URL") ?? DEFAULT_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new KeywardError("baseUrl must be an absolute http(s) URL, such as http://localhost:8787");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new KeywardError("baseUrl must be an absolute http(s) URL, such as http://localhost:8787");
  }
  return baseUrl.replace(/\/+$/, "");
}

function resolveCount(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new KeywardError(`${name} must be an integer of at least ${min}`);
  return value;
}

function resolveFetch(given: FetchFunction | undefined): FetchFunction {
  if (given) return given;
  if (typeof globalThis.fetch !== "function") {
    throw new KeywardError("No global fetch: use Node 18 or later, Bun or Deno, or pass { fetch }");
  }
  // Looked up at call time, so a fetch installed later (or mocked) is the one used.
  return (input, init) => globalThis.fetch(input, init);
}

/**
 * The Keyward client. Checks the key's format and checksum at construction, so a mistyped
 * key fails before anything is sent; the key never appears in its errors or when it is printed.
 *
 * @example
 * import { Keyward } from "@keyward/sdk";
 * const client = new Keyward(); // reads KEYWARD_API_KEY
 * const prompt = await client.prompts.get("@acme/welcome:v1", { variables: { name: "Ada" } });
 */
export class Keyward {
  /** The prompt registry. */
  readonly prompts: Prompts;
  /** The workspace's API keys. */
  readonly keys: Keys;
  /** Ask an AI engine and see its sources and brand mentions. */
  readonly monitor: Monitor;
  /** Monitor requests run in the background. */
  readonly tasks: Tasks;
  readonly #http: HttpClient;

  constructor(options: KeywardOptions = {}) {
    this.#http = new HttpClient({
      apiKey: resolveApiKey(options.apiKey),
      baseUrl: resolveBaseUrl(options.baseUrl),
      timeoutMs: resolveCount(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs", 1),
      maxRetries: resolveCount(options.maxRetries, DEFAULT_MAX_RETRIES, "maxRetries", 0),
      fetch: resolveFetch(options.fetch),
    });
    this.prompts = new Prompts(this.#http);
    this.keys = new Keys(this.#http);
    this.monitor = new Monitor(this.#http);
    this.tasks = new Tasks(this.#http);
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  get timeoutMs(): number {
    return this.#http.timeoutMs;
  }

  get maxRetries(): number {
    return this.#http.maxRetries;
  }

  /**
   * Checks that the API answers and accepts the key.
   *
   * @example const { status } = await client.health(); // "ok"
   */
  health(options?: RequestOptions): Promise<Health> {
    return this.#http.request<Health>({ method: "GET", path: "/v1/health", options });
  }

  /** The settings and the key's hint (`sk_live_KWca…eqyC`), never the key. */
  toJSON(): Record<string, unknown> {
    return this.#http.toJSON();
  }

  toString(): string {
    return `Keyward(${this.baseUrl}, ${this.#http.keyHint})`;
  }

  // Node's console.log / util.inspect look for this symbol; other runtimes ignore it.
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}
