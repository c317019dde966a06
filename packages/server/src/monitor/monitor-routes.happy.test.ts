import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anthropicMessage, openAiCompletion } from "../test-support/fake-engine-server.js";
import { startMonitorWorld, type MonitorWorld } from "../test-support/monitor-api.js";
import type { MonitorResult } from "./monitor-service.js";

const ANSWER = [
  "## Best CRMs",
  "",
  "1. **Acme** is the [top pick](https://reviews.example/acme). Many teams love ACME.",
  "2. Globex is cheaper, see https://prices.example/globex.",
].join("\n");

describe("POST /v1/monitor", () => {
  let world: MonitorWorld;
  beforeAll(async () => {
    world = await startMonitorWorld();
  });
  beforeEach(() => {
    world.engine.requests.length = 0;
  });
  afterAll(async () => {
    await world.close();
  });

  const result = (response: { json: () => unknown }) => (response.json() as { result: MonitorResult }).result;

  it("answers an engine's answer with its text, sources and brand mentions, and charges 5 credits", async () => {
    world.engine.enqueue({ json: openAiCompletion(ANSWER) });
    const before = await world.remaining();
    const response = await world.run(world.live, { prompt: "Best CRM?", model: "CHATGPT", brands: ["Acme", "Globex", "Initech"] });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ success: boolean; result: MonitorResult }>();
    expect(body.success).toBe(true);
    expect(body.result.model).toBe("CHATGPT");
    expect(body.result.markdown).toBe(ANSWER);
    expect(body.result.text).toBe("Best CRMs\n\n1. Acme is the top pick. Many teams love ACME.\n2. Globex is cheaper, see https://prices.example/globex.");
    expect(body.result.sources).toEqual([
      { position: 1, url: "https://reviews.example/acme", label: "top pick", description: null },
      { position: 2, url: "https://prices.example/globex", label: "prices.example", description: null },
    ]);
    expect(body.result.mentions).toEqual([
      { brand: "Acme", count: 2, firstPosition: body.result.text.indexOf("Acme"), sentences: ["Acme is the top pick.", "Many teams love ACME."] },
      { brand: "Globex", count: 1, firstPosition: body.result.text.indexOf("Globex"), sentences: ["Globex is cheaper, see https://prices.example/globex."] },
      { brand: "Initech", count: 0, firstPosition: null, sentences: [] },
    ]);
    expect(response.headers["x-credits-charged"]).toBe("5");
    expect(await world.remaining()).toBe(before - 5);
  });

  it("sends the country to the engine, US by default and upper-cased", async () => {
    world.engine.enqueue({ json: openAiCompletion("ok") }, { json: openAiCompletion("ok") });
    await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    await world.run(world.live, { prompt: "Hi", model: "CHATGPT", country: "de" });
    const systems = world.engine.requests.map((r) => JSON.stringify(r.body));
    expect(systems[0]).toContain("United States (US)");
    expect(systems[1]).toContain("Germany (DE)");
  });

  it("takes the sources from Perplexity-style citation fields when the engine has them", async () => {
    world.engine.enqueue({
      json: openAiCompletion("Acme [1] beats Globex [2]. See [other](https://ignored.example).", {
        citations: ["https://one.example", "https://two.example", "https://one.example"],
        search_results: [{ title: "One", url: "https://one.example", snippet: "First" }],
      }),
    });
    const response = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(result(response).sources).toEqual([
      { position: 1, url: "https://one.example", label: "One", description: "First" },
      { position: 2, url: "https://two.example", label: "two.example", description: null },
    ]);
  });

  it("answers the same through the per-engine path", async () => {
    world.engine.enqueue({ json: openAiCompletion(ANSWER) }, { json: openAiCompletion(ANSWER) });
    const generic = await world.run(world.live, { prompt: "Best CRM?", model: "CHATGPT", brands: ["Acme"] });
    const perEngine = await world.run(world.live, { prompt: "Best CRM?", brands: ["Acme"] }, "/v1/monitor/chatgpt");
    expect(perEngine.statusCode).toBe(200);
    expect(result(perEngine)).toEqual(result(generic));
  });

  it("asks an engine served by the Anthropic Messages API", async () => {
    world.engine.enqueue({
      json: anthropicMessage([
        { type: "text", text: "Acme leads.", citations: [{ type: "web_search_result_location", url: "https://cited.example", title: "Cited", cited_text: "Acme leads" }] },
      ]),
    });
    const response = await world.run(world.live, { prompt: "Hi", brands: ["acme"] }, "/v1/monitor/claude");
    expect(response.statusCode).toBe(200);
    expect(world.engine.requests[0]?.url).toBe("/v1/messages");
    expect(result(response)).toMatchObject({
      model: "CLAUDE",
      text: "Acme leads.",
      sources: [{ position: 1, url: "https://cited.example", label: "Cited", description: "Acme leads" }],
      mentions: [{ brand: "acme", count: 1, firstPosition: 0 }],
    });
  });

  it("answers a sandbox key without any provider, the same answer for the same question, free of charge", async () => {
    const before = await world.remaining();
    const body = { prompt: "Best CRM for startups?", model: "GROK", country: "GB", brands: ["Acme", "Globex"] };
    const first = await world.run(world.sandbox, body);
    const second = await world.run(world.sandbox, body);
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(result(first).model).toBe("GROK");
    expect(result(first).mentions.every((m) => m.count > 0)).toBe(true);
    expect(result(first).sources.length).toBeGreaterThanOrEqual(3);
    expect(first.headers["x-credits-charged"]).toBeUndefined();
    expect(await world.remaining()).toBe(before);
    expect(world.engine.requests).toHaveLength(0);
  });

  it("gives the sandbox answer of the generic path on the per-engine path too", async () => {
    const generic = await world.run(world.sandbox, { prompt: "Best CRM?", model: "PERPLEXITY", brands: ["Acme"] });
    const perEngine = await world.run(world.sandbox, { prompt: "Best CRM?", brands: ["Acme"] }, "/v1/monitor/perplexity");
    expect(perEngine.body).toBe(generic.body);
  });
});
