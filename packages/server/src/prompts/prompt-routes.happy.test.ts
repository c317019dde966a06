import { describe, expect, it } from "vitest";
import { usePromptWorld } from "../test-support/prompt-api.js";

describe("prompt registry routes", () => {
  const world = usePromptWorld();

  async function publishWelcome(): Promise<void> {
    const created = await world.api.create({
      slug: "welcome",
      title: "Welcome",
      content: "Hello {{name}}, you have {{count:number // unread messages}} messages.",
      systemPrompt: "Be warm.",
      tags: ["onboarding"],
    });
    expect(created.statusCode).toBe(201);
    expect((await world.api.publish("welcome")).statusCode).toBe(201);
  }

  it("creates a prompt as a v0 draft with its declared variables", async () => {
    const response = await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi {{name}}" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: expect.stringMatching(/^pr_/),
      slug: "welcome",
      version: "v0",
      packageName: "@acme/welcome:v0",
      workspaceSlug: "acme",
      systemPrompt: null,
      tags: [],
      metadata: { createdAt: expect.any(String), publishedAt: null },
      variables: [{ name: "name", type: "string", description: null }],
      contextItems: [],
    });
  });

  it("publishes the draft as v1 with a publication date", async () => {
    await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
    const response = await world.api.publish("welcome");
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ version: "v1", packageName: "@acme/welcome:v1", metadata: { publishedAt: expect.any(String) } });
  });

  it("answers POST /v1/prompts/get with the prompt itself at the top level, rendered", async () => {
    await publishWelcome();
    const response = await world.api.get("@acme/welcome:v1", { name: "Ada", count: 3 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      title: "Welcome",
      content: "Hello Ada, you have 3 messages.",
      version: "v1",
      packageName: "@acme/welcome:v1",
      workspaceSlug: "acme",
      systemPrompt: "Be warm.",
      tags: ["onboarding"],
      variables: [
        { name: "name", type: "string", description: null },
        { name: "count", type: "number", description: "unread messages" },
      ],
    });
    expect(Object.keys(body)).toContain("id");
  });

  it("returns the template unrendered when no variables are sent", async () => {
    await publishWelcome();
    const response = await world.api.get("@acme/welcome:v1");
    expect(response.json()).toMatchObject({ content: "Hello {{name}}, you have {{count:number // unread messages}} messages." });
  });

  it("ignores variables the content does not declare", async () => {
    await publishWelcome();
    const response = await world.api.get("@acme/welcome:v1", { name: "Ada", count: 1, extra: "ignored" });
    expect(response.statusCode).toBe(200);
  });

  it("resolves a package name without a version to the latest published version", async () => {
    await publishWelcome();
    await world.api.editDraft("welcome", { content: "Second {{name}}" });
    await world.api.publish("welcome");
    await expect(world.api.get("@acme/welcome", { name: "Ada" }).then((r) => r.json())).resolves.toMatchObject({ version: "v2", content: "Second Ada" });
    await expect(world.api.get("@acme/welcome:latest").then((r) => r.json())).resolves.toMatchObject({ version: "v2" });
    await expect(world.api.get("@acme/welcome:v1").then((r) => r.json())).resolves.toMatchObject({ version: "v1" });
  });

  it("reads the draft as v0", async () => {
    await publishWelcome();
    await world.api.editDraft("welcome", { title: "Draft title" });
    await expect(world.api.get("@acme/welcome:v0").then((r) => r.json())).resolves.toMatchObject({ version: "v0", title: "Draft title" });
  });

  it.each([
    ["a plain path", "@acme/welcome:v1"],
    ["an encoded @", "%40acme/welcome:v1"],
    ["the whole name encoded", "%40acme%2Fwelcome%3Av1"],
  ])("serves GET /v1/prompts/<name> for curl users, with %s", async (_label, path) => {
    await publishWelcome();
    const response = await world.api.getByPath(path);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ packageName: "@acme/welcome:v1" });
  });

  it("edits the draft: fields left out keep their value, null clears one", async () => {
    await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi", description: "Greets", category: "onboarding" });
    const response = await world.api.editDraft("welcome", { content: "Hello", description: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ title: "Welcome", content: "Hello", description: null, category: "onboarding", version: "v0" });
  });

  it("lists prompts newest first, each at its latest published version or its draft", async () => {
    await publishWelcome();
    await world.api.create({ slug: "draft-only", title: "Draft only", content: "Later" });
    const response = await world.api.list();
    expect(response.statusCode).toBe(200);
    const body = response.json<{ prompts: Array<{ slug: string; version: string }>; cursor: string | null; hasMore: boolean }>();
    expect(body.prompts.map((p) => [p.slug, p.version])).toEqual([
      ["draft-only", "v0"],
      ["welcome", "v1"],
    ]);
    expect(body).toMatchObject({ cursor: null, hasMore: false });
  });

  it("pages the list with limit and cursor", async () => {
    for (const slug of ["a", "b", "c"]) await world.api.create({ slug, title: slug, content: "C" });
    const first = (await world.api.list("?limit=2")).json<{ prompts: Array<{ slug: string }>; cursor: string; hasMore: boolean }>();
    expect(first.prompts).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = (await world.api.list(`?limit=2&cursor=${first.cursor}`)).json<{ prompts: Array<{ slug: string }>; hasMore: boolean }>();
    expect([...first.prompts, ...second.prompts].map((p) => p.slug).sort()).toEqual(["a", "b", "c"]);
    expect(second.hasMore).toBe(false);
  });

  it("describes every prompt route in the OpenAPI document", async () => {
    const paths = Object.keys((await world.kw.keyward.app.inject({ method: "GET", url: "/openapi.json" })).json<{ paths: object }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/v1/prompts",
        "/v1/prompts/get",
        "/v1/prompts/{workspace}/{name}",
        "/v1/prompts/{packageName}",
        "/v1/prompts/{slug}/draft",
        "/v1/prompts/{slug}/publish",
        "/v1/prompts/{slug}/context",
        "/v1/prompts/{slug}/context/{contextId}",
        "/v1/prompts/context/{contextId}/download-url",
        "/v1/prompts/context/{contextId}/download",
      ]),
    );
  });
});
