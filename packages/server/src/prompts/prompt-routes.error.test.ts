import { describe, expect, it } from "vitest";
import { usePromptWorld, type PromptWorld } from "../test-support/prompt-api.js";

describe("prompt registry routes, errors", () => {
  const world = usePromptWorld();

  async function publish(slug: string, content: string): Promise<void> {
    await world.api.create({ slug, title: slug, content });
    await world.api.publish(slug);
  }

  it("answers 404 with the package name for an unknown prompt", async () => {
    const response = await world.api.get("@acme/nope:v1");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: "Prompt not found: @acme/nope:v1" } });
  });

  it("answers 404 for a version not published yet", async () => {
    await publish("welcome", "Hi");
    const response = await world.api.get("@acme/welcome:v2");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: "Prompt not found: @acme/welcome:v2" } });
  });

  it("answers 404 for latest of a prompt never published, pointing at its draft", async () => {
    await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
    const response = await world.api.get("@acme/welcome");
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: { message: string } }>().error.message).toContain("@acme/welcome:v0");
  });

  it.each(["acme/welcome", "@acme/welcome:1", "@ACME/welcome", "@acme/", "@acme/welcome:v01"])(
    "answers 400 naming package_name for the malformed name %j",
    async (name) => {
      const response = await world.api.get(name);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: "validation_error", details: [{ field: "package_name" }] } });
    },
  );

  it("answers 400 naming package_name when it is missing", async () => {
    const response = await world.api.send("POST", "/v1/prompts/get", { variables: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { details: [{ field: "package_name", message: "is required" }] } });
  });

  it("answers 400 for a malformed name in the curl path", async () => {
    const response = await world.api.getByPath("welcome");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error", details: [{ field: "package_name" }] } });
  });

  it("answers 400 naming every missing and mistyped variable", async () => {
    await publish("welcome", "{{name}} {{count:number}} {{vip:boolean}} {{items:array}} {{user:object}}");
    const response = await world.api.get("@acme/welcome:v1", { count: "3", vip: true, items: "a", user: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: "validation_error",
        message: expect.stringContaining("variables.name is required"),
        details: [
          { field: "variables.name", message: "is required (string)" },
          { field: "variables.count", message: "must be a number" },
          { field: "variables.items", message: "must be an array" },
          { field: "variables.user", message: "must be an object" },
        ],
      },
    });
  });

  it("answers 400 when variables is not an object", async () => {
    await publish("welcome", "Hi {{name}}");
    const response = await world.api.send("POST", "/v1/prompts/get", { package_name: "@acme/welcome:v1", variables: ["Ada"] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_error", details: [{ field: "variables" }] } });
  });

  it("answers 409 when the slug is taken", async () => {
    await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
    const response = await world.api.create({ slug: "welcome", title: "Again", content: "Hi" });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: "conflict" } });
  });

  it("answers 409 when publishing a draft unchanged since the last publish", async () => {
    await publish("welcome", "Hi");
    const response = await world.api.publish("welcome");
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: { code: "conflict", message: "Nothing to publish: the draft has not changed since @acme/welcome:v1" },
    });
  });

  it("answers 400 naming each invalid field of a new prompt", async () => {
    const response = await world.api.create({ slug: "Bad Slug", title: "", content: "x", tags: { a: 1 }, extra: true });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ error: { details: Array<{ field: string }> } }>().error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["slug", "title", "tags", "extra"]));
  });

  it("answers 400 for a reserved slug", async () => {
    const response = await world.api.create({ slug: "get", title: "Get", content: "x" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { details: [{ field: "slug" }] } });
  });

  it("answers 400 naming content for a variable with an unknown type", async () => {
    const response = await world.api.create({ slug: "welcome", title: "Welcome", content: "{{count:integer}}" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { details: [{ field: "content", message: expect.stringContaining('unknown type "integer"') }] } });
  });

  it("answers 400 for an empty draft edit", async () => {
    await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
    const response = await world.api.editDraft("welcome", {});
    expect(response.statusCode).toBe(400);
  });

  it.each([
    ["editing", (w: PromptWorld) => w.api.editDraft("nope", { title: "T" })],
    ["publishing", (w: PromptWorld) => w.api.publish("nope")],
  ])("answers 404 when %s an unknown prompt", async (_label, call) => {
    const response = await call(world);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: "Prompt not found: nope" } });
  });

  it("answers 400 for a limit out of range and a forged cursor", async () => {
    await expect(world.api.list("?limit=0").then((r) => r.statusCode)).resolves.toBe(400);
    await expect(world.api.list("?limit=101").then((r) => r.statusCode)).resolves.toBe(400);
    const forged = await world.api.list("?cursor=not-a-cursor");
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ error: { details: [{ field: "cursor" }] } });
  });
});
