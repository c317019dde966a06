import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EngineSettings, ProviderKind } from "../monitor/index.js";

/** What the fake engine answers to one request. */
export interface FakeReply {
  status?: number;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (for malformed answers). */
  raw?: string;
  headers?: Record<string, string>;
  /** Never answers (for timeouts). */
  hang?: boolean;
  /** Drops the connection without an answer (a network error). */
  drop?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The body as sent (for signatures). */
  raw: string;
}

/**
 * A real HTTP server on 127.0.0.1 that plays an engine provider (OpenAI-compatible,
 * Anthropic, Gemini: the replies say which), recording every request it gets.
 *
 * @example
 * const engine = await startFakeEngine();
 * engine.enqueue({ json: openAiCompletion("Acme is great") });
 */
export interface FakeEngineServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Replies used in order, one per request; then `fallback`. */
  enqueue(...replies: FakeReply[]): void;
  setFallback(reply: FakeReply): void;
  close(): Promise<void>;
}

function answer(response: ServerResponse, reply: FakeReply): void {
  if (reply.hang) return;
  if (reply.drop) {
    response.socket?.destroy();
    return;
  }
  const body = reply.raw ?? JSON.stringify(reply.json ?? {});
  response.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
  response.end(body);
}

export async function startFakeEngine(fallback: FakeReply = { status: 500, json: { error: "no reply queued" } }): Promise<FakeEngineServer> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  let current = fallback;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        // Kept as text.
      }
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body, raw: text });
      answer(response, queue.shift() ?? current);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setFallback(reply) {
      current = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OpenAI chat-completions answer; `extra` adds top-level fields (Perplexity's `citations`, …). */
export function openAiCompletion(content: string, extra: Record<string, unknown> = {}, message: Record<string, unknown> = {}): unknown {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    model: "test-model",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content, ...message } }],
    ...extra,
  };
}

/** An Anthropic Messages answer made of the given content blocks. */
export function anthropicMessage(content: unknown[]): unknown {
  return { id: "msg_test", type: "message", role: "assistant", model: "test-model", stop_reason: "end_turn", content };
}

/** A Gemini generateContent answer with optional grounding chunks. */
export function geminiAnswer(text: string, sources: Array<{ uri: string; title: string }> = []): unknown {
  return {
    candidates: [
      {
        content: { role: "model", parts: [{ text }] },
        groundingMetadata: { groundingChunks: sources.map((web) => ({ web })) },
      },
    ],
  };
}

/** Settings of an engine served by a fake server, with a 5 s timeout. */
export function fakeEngineSettings(provider: ProviderKind, url: string, apiKey: string, change: Partial<EngineSettings> = {}): EngineSettings {
  return { provider, url, model: "test-model", apiKey, apiKeyHeader: "authorization", timeoutMs: 5_000, ...change };
}
