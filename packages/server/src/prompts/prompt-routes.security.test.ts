import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileItem, promptApi, PROMPT_SCOPES, startPromptWorld, type PromptApi, type PromptWorld } from "../test-support/prompt-api.js";

// Everything of workspace A carries this marker: no answer to B may contain it.
const MARKER = "ACME-ONLY";

describe("prompt registry routes, cross-tenant matrix", () => {
  let world: PromptWorld;
  let beta: PromptApi;
  let acmeItemId: string;

  beforeAll(async () => {
    world = await startPromptWorld("acme");
    await world.api.create({ slug: "welcome", title: `Title ${MARKER}`, content: `Content ${MARKER} {{name}}`, systemPrompt: `System ${MARKER}` });
    const item = await world.api.addContext("welcome", fileItem(`File ${MARKER}`, { label: `Label ${MARKER}` }));
    acmeItemId = item.json<{ id: string }>().id;
    await world.api.publish("welcome");
    const betaWorkspace = await world.kw.createWorkspace("beta");
    beta = promptApi(world.kw, (await world.kw.issueKey(betaWorkspace, { scopes: [...PROMPT_SCOPES] })).secret);
    await beta.create({ slug: "mine", title: "Beta's", content: "Beta content" });
  });
  afterAll(async () => {
    await world.kw.close();
  });

  const routes: Array<[string, number, (api: PromptApi) => Promise<LightMyRequestResponse>]> = [
    ["POST /v1/prompts/get of A's package", 403, (api) => api.get("@acme/welcome:v1", { name: "x" })],
    ["POST /v1/prompts/get of A's latest", 403, (api) => api.get("@acme/welcome")],
    ["POST /v1/prompts/get of A's draft", 403, (api) => api.get("@acme/welcome:v0")],
    ["POST /v1/prompts/get of an unknown package of A", 403, (api) => api.get("@acme/nope:v1")],
    ["POST /v1/prompts/get of a workspace that does not exist", 403, (api) => api.get("@ghost/welcome:v1")],
    ["GET /v1/prompts/@acme/welcome:v1", 403, (api) => api.getByPath("@acme/welcome:v1")],
    ["GET /v1/prompts/%40acme%2Fwelcome%3Av1", 403, (api) => api.getByPath("%40acme%2Fwelcome%3Av1")],
    ["PUT /v1/prompts/welcome/draft", 404, (api) => api.editDraft("welcome", { content: "hijacked" })],
    ["POST /v1/prompts/welcome/publish", 404, (api) => api.publish("welcome")],
    ["POST /v1/prompts/welcome/context", 404, (api) => api.addContext("welcome", { type: "url", url: "https://evil.example" })],
    ["DELETE /v1/prompts/welcome/context/<A's item>", 404, (api) => api.removeContext("welcome", acmeItemId)],
    ["DELETE /v1/prompts/mine/context/<A's item>", 404, (api) => api.removeContext("mine", acmeItemId)],
    ["GET /v1/prompts/context/<A's item>/download-url", 404, (api) => api.downloadUrl(acmeItemId)],
  ];

  it.each(routes)("%s with B's key answers %i and none of A's data", async (_route, status, call) => {
    const response = await call(beta);
    expect(response.statusCode).toBe(status);
    expect(response.body).not.toContain(MARKER);
    // The item id may be echoed (the caller sent it), never what it holds.
    expect(response.body).not.toContain("guide.txt");
  });

  it("lists only B's prompts to B", async () => {
    const response = await beta.list();
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(MARKER);
    expect(response.json<{ prompts: Array<{ slug: string }> }>().prompts.map((p) => p.slug)).toEqual(["mine"]);
  });

  it("leaves A's prompt exactly as it was after B's attempts", async () => {
    for (const [, , call] of routes) await call(beta);
    const draft = await world.api.get("@acme/welcome:v0");
    expect(draft.json()).toMatchObject({ content: `Content ${MARKER} {{name}}`, contextItems: [{ id: acmeItemId }] });
    await expect(world.api.get("@acme/welcome:v2").then((r) => r.statusCode)).resolves.toBe(404);
  });

  it("lets B create its own prompt with A's slug, and edits stay in B's workspace", async () => {
    await expect(beta.create({ slug: "welcome", title: "B welcome", content: "B" }).then((r) => r.statusCode)).resolves.toBe(201);
    await expect(beta.editDraft("welcome", { content: "B edited" }).then((r) => r.statusCode)).resolves.toBe(200);
    await expect(world.api.get("@acme/welcome:v0").then((r) => r.json<{ content: string }>().content)).resolves.toBe(`Content ${MARKER} {{name}}`);
  });

  it("says a 403 is about the workspace, in the registry dialect", async () => {
    const response = await beta.get("@acme/welcome:v1");
    expect(response.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions: @acme is not this key's workspace" } });
  });
});

describe("prompt registry routes, keys and scopes", () => {
  let world: PromptWorld;
  beforeAll(async () => {
    world = await startPromptWorld("acme");
    await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
    await world.api.publish("welcome");
  });
  afterAll(async () => {
    await world.kw.close();
  });

  const calls: Array<[string, (api: PromptApi) => Promise<LightMyRequestResponse>]> = [
    ["GET /v1/prompts", (api) => api.list()],
    ["POST /v1/prompts/get", (api) => api.get("@acme/welcome:v1")],
    ["GET /v1/prompts/@acme/welcome:v1", (api) => api.getByPath("@acme/welcome:v1")],
    ["POST /v1/prompts", (api) => api.create({ slug: "new", title: "New", content: "x" })],
    ["PUT /v1/prompts/welcome/draft", (api) => api.editDraft("welcome", { title: "x" })],
    ["POST /v1/prompts/welcome/publish", (api) => api.publish("welcome")],
    ["POST /v1/prompts/welcome/context", (api) => api.addContext("welcome", { type: "url", url: "https://a.dev" })],
    ["DELETE /v1/prompts/welcome/context/ctx_x", (api) => api.removeContext("welcome", "ctx_x")],
    ["GET /v1/prompts/context/ctx_x/download-url", (api) => api.downloadUrl("ctx_x")],
  ];

  it.each(calls)("%s without a key answers 401", async (_route, call) => {
    const response = await call(promptApi(world.kw, ""));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it.each([
    ["GET /v1/prompts", "prompts:list", (api: PromptApi) => api.list()],
    ["POST /v1/prompts/get", "prompts:read", (api: PromptApi) => api.get("@acme/welcome:v1")],
    ["GET /v1/prompts/@acme/welcome:v1", "prompts:read", (api: PromptApi) => api.getByPath("@acme/welcome:v1")],
    ["GET /v1/prompts/context/ctx_x/download-url", "prompts:read", (api: PromptApi) => api.downloadUrl("ctx_x")],
    ["POST /v1/prompts", "prompts:write", (api: PromptApi) => api.create({ slug: "new", title: "New", content: "x" })],
    ["PUT /v1/prompts/welcome/draft", "prompts:write", (api: PromptApi) => api.editDraft("welcome", { title: "x" })],
    ["POST /v1/prompts/welcome/publish", "prompts:write", (api: PromptApi) => api.publish("welcome")],
    ["POST /v1/prompts/welcome/context", "prompts:write", (api: PromptApi) => api.addContext("welcome", { type: "url", url: "https://a.dev" })],
  ] as const)("%s needs %s", async (_route, scope, call) => {
    const others = PROMPT_SCOPES.filter((s) => s !== scope);
    const { secret } = await world.kw.issueKey(world.workspace, { scopes: [...others] });
    const response = await call(promptApi(world.kw, secret));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: "forbidden", message: "Insufficient permissions" } });
  });

  it("never writes a key or prompt content into the logs", async () => {
    await world.api.get("@acme/welcome:v1");
    await world.api.get("@acme/nope:v1");
    expect(world.kw.logs()).not.toContain(world.secret);
  });
});
