import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openAiCompletion } from "../test-support/fake-engine-server.js";
import { startMonitorWorld, type MonitorWorld } from "../test-support/monitor-api.js";

describe("POST /v1/monitor errors, in the monitor dialect", () => {
  let world: MonitorWorld;
  beforeAll(async () => {
    world = await startMonitorWorld();
  });
  afterEach(() => {
    world.engine.requests.length = 0;
  });
  afterAll(async () => {
    await world.close();
  });

  it.each([
    ["a missing prompt", { model: "CHATGPT" }, "/v1/monitor", "prompt is required"],
    ["an empty prompt", { prompt: "", model: "CHATGPT" }, "/v1/monitor", "prompt must NOT have fewer than 1 characters"],
    ["a blank prompt", { prompt: "   ", model: "CHATGPT" }, "/v1/monitor", "prompt must not be blank"],
    ["a prompt over 10,000 characters", { prompt: "x".repeat(10_001), model: "CHATGPT" }, "/v1/monitor", "prompt must NOT have more than 10000 characters"],
    ["a missing model", { prompt: "Hi" }, "/v1/monitor", "model is required"],
    ["an unknown model", { prompt: "Hi", model: "BARD" }, "/v1/monitor", "model must be equal to one of the allowed values"],
    ["a lower-case model", { prompt: "Hi", model: "chatgpt" }, "/v1/monitor", "model must be equal to one of the allowed values"],
    ["a three-letter country", { prompt: "Hi", model: "CHATGPT", country: "USA" }, "/v1/monitor", 'country must match pattern "^[A-Za-z]{2}$"'],
    ["a country that does not exist", { prompt: "Hi", model: "CHATGPT", country: "XX" }, "/v1/monitor", "country must be an ISO 3166 alpha-2 country code, e.g. US"],
    ["brands that are no list", { prompt: "Hi", model: "CHATGPT", brands: { first: "Acme" } }, "/v1/monitor", "brands must be array"],
    ["an empty brand", { prompt: "Hi", model: "CHATGPT", brands: [""] }, "/v1/monitor", "brands.0 must NOT have fewer than 1 characters"],
    ["an unknown field", { prompt: "Hi", model: "CHATGPT", temperature: 1 }, "/v1/monitor", "temperature is not a known field"],
    ["a model on the per-engine path", { prompt: "Hi", model: "CHATGPT" }, "/v1/monitor/chatgpt", "model is not a known field"],
    ["an unknown engine in the path", { prompt: "Hi" }, "/v1/monitor/bard", "engine must be equal to one of the allowed values"],
    ["an upper-case engine in the path", { prompt: "Hi" }, "/v1/monitor/CHATGPT", "engine must be equal to one of the allowed values"],
  ])("answers 400 naming the field for %s", async (_name, body, path, message) => {
    const response = await world.run(world.live, body, path);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ success: false, error: message });
    expect(world.engine.requests).toHaveLength(0);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await world.kw.keyward.app.inject({
      method: "POST",
      url: "/v1/monitor",
      headers: { authorization: `Bearer ${world.live}`, "content-type": "application/json" },
      payload: "{prompt",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ success: false, error: "Request body is not valid JSON" });
  });

  it.each([
    ["no key", null],
    ["an unknown key", "sk_live_000000000000000000000000000000000000000000"],
  ])("answers 401 for %s", async (_name, secret) => {
    const response = await world.run(secret, { prompt: "Hi", model: "CHATGPT" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ success: false, error: "Invalid or missing API key" });
  });

  it("answers 401 before it validates the body", async () => {
    const response = await world.run(null, { nonsense: true });
    expect(response.statusCode).toBe(401);
  });

  it("answers 403 to a key without the monitor:run scope", async () => {
    const { secret } = await world.kw.issueKey(world.workspace, { scopes: ["prompts:read"] });
    const response = await world.run(secret, { prompt: "Hi", model: "CHATGPT" });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ success: false, error: "Insufficient permissions" });
  });

  it("answers 502 when the engine fails, and charges nothing", async () => {
    world.engine.enqueue({ status: 500, json: {} }, { status: 503, json: {} });
    const before = await world.remaining();
    const response = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({ success: false, error: "The CHATGPT engine failed: its provider answered HTTP 503" });
    expect(response.headers["x-credits-charged"]).toBe("0");
    expect(await world.remaining()).toBe(before);
  });

  it.each([
    ["times out", { hang: true }, "The CHATGPT engine failed: its provider gave no answer within 500 ms"],
    ["answers malformed JSON", { raw: "<html>oops" }, "The CHATGPT engine failed: its provider answered with malformed JSON"],
    ["answers without a message", { json: { choices: [] } }, "The CHATGPT engine failed: its provider answered without a message"],
  ])("answers 502 when the engine %s", async (_name, reply, message) => {
    world.engine.enqueue(reply);
    const response = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({ success: false, error: message });
  });

  it("answers 503 naming the settings to add when the engine has no provider", async () => {
    const response = await world.run(world.live, { prompt: "Hi" }, "/v1/monitor/grok");
    expect(response.statusCode).toBe(503);
    expect(response.json<{ error: string }>().error).toContain("KEYWARD_ENGINE_GROK_URL");
    expect(response.json()).toMatchObject({ success: false });
    expect(response.headers["x-credits-charged"]).toBe("0");
  });
});

describe("POST /v1/monitor limits, in the monitor dialect", () => {
  let world: MonitorWorld | undefined;
  afterEach(async () => {
    await world?.close();
  });

  it("answers 403 Insufficient credits once the balance is spent, and serves sandbox keys still", async () => {
    world = await startMonitorWorld({ creditsPerCycle: 5 });
    world.engine.setFallback({ json: openAiCompletion("Acme.") });
    expect((await world.run(world.live, { prompt: "Hi", model: "CHATGPT" })).statusCode).toBe(200);
    const refused = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ success: false, error: "Insufficient credits" });
    expect((await world.run(world.sandbox, { prompt: "Hi", model: "CHATGPT" })).statusCode).toBe(200);
    expect(world.engine.requests).toHaveLength(1);
  });

  it("answers 429 with retry_after once the rate limit is reached", async () => {
    world = await startMonitorWorld({ rateLimits: ["1/minute"] });
    const body = { prompt: "Hi", model: "CHATGPT" };
    expect((await world.run(world.sandbox, body)).statusCode).toBe(200);
    const refused = await world.run(world.sandbox, body);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ success: false, error: expect.stringMatching(/^Rate limit exceeded\. Try again in \d+ seconds\.$/) as unknown });
    expect(refused.json<{ retry_after: number }>().retry_after).toBeGreaterThan(0);
  });

  it("charges the configured cost", async () => {
    world = await startMonitorWorld({}, { KEYWARD_MONITOR_COST: "2" });
    world.engine.enqueue({ json: openAiCompletion("Acme.") });
    const response = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
    expect(response.headers["x-credits-charged"]).toBe("2");
    expect(await world.remaining()).toBe(98);
  });
});
