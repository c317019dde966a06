import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anthropicMessage, fakeEngineSettings, geminiAnswer, startFakeEngine, type FakeEngineServer } from "../test-support/fake-engine-server.js";
import { AnthropicProvider } from "./anthropic-provider.js";
import type { EngineSettings } from "./engine-settings.js";
import { GeminiProvider } from "./gemini-provider.js";

const KEY = "sk-ant-SECRET-777";

describe("Anthropic and Gemini providers against a local server", () => {
  let engine: FakeEngineServer;
  const settings = (provider: "anthropic" | "gemini", change: Partial<EngineSettings> = {}) => fakeEngineSettings(provider, engine.url, KEY, change);
  const question = { prompt: "Best CRM?", country: "US" };

  beforeAll(async () => {
    engine = await startFakeEngine();
  });
  beforeEach(() => {
    engine.requests.length = 0;
  });
  afterAll(async () => {
    await engine.close();
  });

  it("posts to /v1/messages with x-api-key and a version, and joins the text blocks", async () => {
    engine.enqueue({ json: anthropicMessage([{ type: "text", text: "Acme " }, { type: "tool_use" }, { type: "text", text: "wins." }]) });
    await expect(new AnthropicProvider(settings("anthropic"), 0).ask(question)).resolves.toEqual({ markdown: "Acme wins.", citations: [] });
    const [request] = engine.requests;
    expect(request?.url).toBe("/v1/messages");
    expect(request?.headers["x-api-key"]).toBe(KEY);
    expect(request?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toMatchObject({ model: "test-model", system: expect.stringContaining("United States") as unknown, messages: [{ role: "user", content: "Best CRM?" }] });
  });

  it("reads inline citations first, then web search results", async () => {
    engine.enqueue({
      json: anthropicMessage([
        { type: "web_search_tool_result", content: [{ type: "web_search_result", url: "https://s.example", title: "S" }] },
        { type: "text", text: "Acme.", citations: [{ type: "web_search_result_location", url: "https://i.example", title: "I", cited_text: "quote" }] },
      ]),
    });
    const answer = await new AnthropicProvider(settings("anthropic"), 0).ask(question);
    expect(answer.citations).toEqual([
      { url: "https://i.example", title: "I", snippet: "quote" },
      { url: "https://s.example", title: "S", snippet: undefined },
    ]);
  });

  it("retries an Anthropic 529 (overloaded) once", async () => {
    engine.enqueue({ status: 529, json: { type: "error" } }, { json: anthropicMessage([{ type: "text", text: "ok" }]) });
    await expect(new AnthropicProvider(settings("anthropic"), 0).ask(question)).resolves.toMatchObject({ markdown: "ok" });
    expect(engine.requests).toHaveLength(2);
  });

  it("fails on an Anthropic answer without text", async () => {
    engine.enqueue({ json: anthropicMessage([]) });
    await expect(new AnthropicProvider(settings("anthropic"), 0).ask(question)).rejects.toThrow("answered without a message");
  });

  it("posts to Gemini's generateContent with the key in a header, never in the URL", async () => {
    engine.enqueue({ json: geminiAnswer("Acme.", [{ uri: "https://g.example", title: "g.example" }]) });
    const answer = await new GeminiProvider(settings("gemini", { url: `${engine.url}/v1beta` }), 0).ask(question);
    expect(answer).toEqual({ markdown: "Acme.", citations: [{ url: "https://g.example", title: "g.example", snippet: undefined }] });
    const [request] = engine.requests;
    expect(request?.url).toBe("/v1beta/models/test-model:generateContent");
    expect(request?.headers["x-goog-api-key"]).toBe(KEY);
    expect(request?.body).toMatchObject({ contents: [{ role: "user", parts: [{ text: "Best CRM?" }] }] });
  });

  it("fails on a Gemini answer without candidates", async () => {
    engine.enqueue({ json: { candidates: [] } });
    await expect(new GeminiProvider(settings("gemini"), 0).ask(question)).rejects.toThrow("answered without a message");
  });
});
