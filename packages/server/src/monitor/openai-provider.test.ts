import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeEngineSettings, openAiCompletion, startFakeEngine, type FakeEngineServer } from "../test-support/fake-engine-server.js";
import { EngineFailure } from "./engine-answer.js";
import type { EngineSettings } from "./engine-settings.js";
import { OpenAiProvider } from "./openai-provider.js";

const KEY = "sk-upstream-SECRET-4242";

describe("OpenAiProvider against a local chat-completions server", () => {
  let engine: FakeEngineServer;
  const ask = (change: Partial<EngineSettings> = {}) => new OpenAiProvider(fakeEngineSettings("openai", `${engine.url}/v1`, KEY, change), 0).ask({ prompt: "Best CRM?", country: "FR" });

  beforeAll(async () => {
    engine = await startFakeEngine();
  });
  beforeEach(() => {
    engine.requests.length = 0;
  });
  afterAll(async () => {
    await engine.close();
  });

  it("posts the prompt, the country and the model with the key as a bearer token", async () => {
    engine.enqueue({ json: openAiCompletion("Acme is **great**.") });
    await expect(ask()).resolves.toEqual({ markdown: "Acme is **great**.", citations: [] });
    const [request] = engine.requests;
    expect(request?.url).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({
      model: "test-model",
      messages: [
        { role: "system", content: expect.stringContaining("France") as unknown },
        { role: "user", content: "Best CRM?" },
      ],
    });
  });

  it("reads Perplexity's citations in their order, with titles from search_results", async () => {
    engine.enqueue({
      json: openAiCompletion("Acme [1] and Globex [2].", {
        citations: ["https://b.example", "https://a.example"],
        search_results: [
          { title: "A title", url: "https://a.example", snippet: "About A" },
          { title: "B title", url: "https://b.example" },
        ],
      }),
    });
    const answer = await ask();
    expect(answer.citations.map((c) => [c.url, c.title])).toEqual([
      ["https://b.example", "B title"],
      ["https://a.example", "A title"],
    ]);
  });

  it("reads OpenAI's url_citation annotations", async () => {
    engine.enqueue({
      json: openAiCompletion("Acme.", {}, { annotations: [{ type: "url_citation", url_citation: { url: "https://c.example", title: "C" } }, { type: "other" }] }),
    });
    await expect(ask()).resolves.toMatchObject({ citations: [{ url: "https://c.example", title: "C" }] });
  });

  it("sends the key in another header and keeps the URL's query for Azure-style endpoints", async () => {
    engine.enqueue({ json: openAiCompletion("ok") });
    await ask({ url: `${engine.url}/openai/v1?api-version=preview`, apiKeyHeader: "api-key" });
    expect(engine.requests[0]?.url).toBe("/openai/v1/chat/completions?api-version=preview");
    expect(engine.requests[0]?.headers["api-key"]).toBe(KEY);
    expect(engine.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("sends no key header to a provider without a key (Ollama)", async () => {
    engine.enqueue({ json: openAiCompletion("ok") });
    await ask({ apiKey: undefined });
    expect(engine.requests[0]?.headers.authorization).toBeUndefined();
  });

  it.each([
    ["a 5xx", { status: 503, json: { error: "busy" } }],
    ["a 429", { status: 429, json: { error: "slow down" }, headers: { "retry-after": "0" } }],
    ["a dropped connection", { drop: true }],
  ])("retries once after %s", async (_name, failure) => {
    engine.enqueue(failure, { json: openAiCompletion("second time") });
    await expect(ask()).resolves.toMatchObject({ markdown: "second time" });
    expect(engine.requests).toHaveLength(2);
  });

  it("fails with the status after a second 5xx, without quoting the upstream body", async () => {
    engine.enqueue({ status: 500, json: { error: `bad key ${KEY}` } }, { status: 502, json: { error: `bad key ${KEY}` } });
    const failure = await ask().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect((failure as Error).message).toBe("answered HTTP 502");
    expect(engine.requests).toHaveLength(2);
  });

  it("does not retry a 4xx and never quotes its body", async () => {
    engine.enqueue({ status: 401, json: { error: { message: `Incorrect API key provided: ${KEY}` } } });
    await expect(ask()).rejects.toThrow(/^answered HTTP 401$/);
    expect(engine.requests).toHaveLength(1);
  });

  it("gives up after the timeout without retrying", async () => {
    engine.enqueue({ hang: true });
    await expect(ask({ timeoutMs: 200 })).rejects.toThrow("gave no answer within 200 ms");
    expect(engine.requests).toHaveLength(1);
  });

  it.each([
    ["malformed JSON", { raw: "{not json" }, "answered with malformed JSON"],
    ["JSON without choices", { json: { id: "x" } }, "answered without a message"],
    ["an empty message", { json: openAiCompletion("") }, "answered without a message"],
    ["a JSON array", { json: [1, 2] }, "answered without a message"],
  ])("fails on %s", async (_name, reply, message) => {
    engine.enqueue(reply);
    await expect(ask()).rejects.toThrow(message);
  });

  it("fails on an unreachable server without naming its URL", async () => {
    const failure = (await ask({ url: "http://127.0.0.1:1/v1?key=SECRET-IN-URL" }).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(EngineFailure);
    expect(failure.message).toBe("could not be reached");
  });
});
