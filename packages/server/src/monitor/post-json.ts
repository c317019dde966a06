import { EngineFailure } from "./engine-answer.js";

export interface PostJsonOptions {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  /** How long to wait before the one retry (default 250 ms; tests pass 0). */
  retryDelayMs?: number | undefined;
}

const MAX_RETRY_DELAY_MS = 2_000;

class TransientFailure extends EngineFailure {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : null;
}

async function postOnce(options: PostJsonOptions): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") {
      throw new EngineFailure(`gave no answer within ${options.timeoutMs} ms`);
    }
    // The cause can quote the URL; the message stays generic (URLs may carry keys, e.g. `?key=`).
    throw new TransientFailure("could not be reached", null);
  }
  // The upstream body is never quoted: providers echo parts of the key in their errors.
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    throw new TransientFailure(`answered HTTP ${response.status}`, retryAfterMs(response.headers.get("retry-after")));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new EngineFailure(`answered HTTP ${response.status}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") throw new EngineFailure(`gave no answer within ${options.timeoutMs} ms`);
    throw new TransientFailure("closed the connection mid-answer", null);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EngineFailure("answered with malformed JSON");
  }
}

/**
 * POSTs JSON to a provider and returns its parsed JSON answer, with a timeout per attempt and
 * one retry on a transient failure (network error, 429, 5xx). A timeout is not retried: the
 * caller has already waited the whole budget. Every failure is an `EngineFailure` whose
 * message names neither the URL, the key nor the upstream body.
 *
 * @example const json = await postJson({ url, headers: { authorization: `Bearer ${key}` }, body, timeoutMs: 60_000 });
 */
export async function postJson(options: PostJsonOptions): Promise<unknown> {
  try {
    return await postOnce(options);
  } catch (error) {
    if (!(error instanceof TransientFailure)) throw error;
    const delay = Math.min(MAX_RETRY_DELAY_MS, error.retryAfterMs ?? options.retryDelayMs ?? 250);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      return await postOnce(options);
    } catch (retryError) {
      if (retryError instanceof TransientFailure) throw new EngineFailure(retryError.message);
      throw retryError;
    }
  }
}
