import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAiCompletion, type FakeReply } from "../test-support/fake-engine-server.js";
import { startMonitorWorld, UPSTREAM_KEY, type MonitorWorld } from "../test-support/monitor-api.js";

describe("POST /v1/monitor never leaks the provider key", () => {
  let world: MonitorWorld;
  beforeAll(async () => {
    world = await startMonitorWorld({}, { LOG_LEVEL: "debug", KEYWARD_LOG_REQUESTS: "true" });
  });
  afterAll(async () => {
    await world.close();
  });

  // Providers echo the key they were sent in their errors; some bodies are not even JSON.
  const echo = { error: { message: `Incorrect API key provided: ${UPSTREAM_KEY}` } };
  const replies: Array<[string, FakeReply[]]> = [
    ["a success", [{ json: openAiCompletion("Acme is fine.") }]],
    ["a 401 that echoes the key", [{ status: 401, json: echo }]],
    ["two 500s that echo the key", [{ status: 500, json: echo }, { status: 500, json: echo }]],
    ["malformed JSON holding the key", [{ raw: `{"key": "${UPSTREAM_KEY}"` }]],
    ["a timeout", [{ hang: true }]],
  ];

  it.each(replies)("keeps the key out of the answer and the logs after %s", async (_name, queued) => {
    world.engine.enqueue(...queued);
    const response = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(response.body).not.toContain(UPSTREAM_KEY);
    expect(JSON.stringify(response.headers)).not.toContain(UPSTREAM_KEY);
    expect(world.kw.logs()).not.toContain(UPSTREAM_KEY);
    expect(world.kw.logs()).not.toContain("NEVER-LEAK");
  });

  it("logs an engine failure for operators, by its safe message", async () => {
    world.engine.enqueue({ status: 401, json: echo });
    await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(world.kw.logs()).toContain("The CHATGPT engine failed: its provider answered HTTP 401");
  });

  it("sends the key only to the configured provider", async () => {
    world.engine.enqueue({ json: openAiCompletion("ok") });
    await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(world.engine.requests.at(-1)?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
  });

  it("never calls a provider for a sandbox key, even when the engine has one", async () => {
    const before = world.engine.requests.length;
    for (const model of ["CHATGPT", "CLAUDE", "GROK"]) {
      expect((await world.run(world.sandbox, { prompt: "Hi", model })).statusCode).toBe(200);
    }
    expect(world.engine.requests.length).toBe(before);
  });

  it("does not echo a key that a caller pastes into a field name", async () => {
    const response = await world.run(world.live, { prompt: "Hi", model: "CHATGPT", [world.live]: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(world.live);
  });

  it("describes both monitor routes in the OpenAPI document", async () => {
    const document = (await world.kw.keyward.app.inject({ method: "GET", url: "/openapi.json" })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/v1/monitor", "/v1/monitor/{engine}"]));
  });
});
