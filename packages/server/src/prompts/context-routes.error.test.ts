import { describe, expect, it } from "vitest";
import { MAX_CONTEXT_FILE_BYTES } from "./context-input.js";
import { MAX_CONTEXT_ITEMS } from "./context-service.js";
import { fileItem, usePromptWorld } from "../test-support/prompt-api.js";

function fieldsOf(body: { error: { details?: Array<{ field: string }> } }): string[] {
  return (body.error.details ?? []).map((d) => d.field);
}

describe("context item routes, errors", () => {
  const world = usePromptWorld(async (w) => {
    await w.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
  });

  it("answers 400 naming url when a url item has none", async () => {
    const response = await world.api.addContext("welcome", { type: "url", label: "Docs" });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(["url"]);
  });

  it("answers 400 naming fileName and contentBase64 when a file item has neither", async () => {
    const response = await world.api.addContext("welcome", { type: "file" });
    expect(fieldsOf(response.json())).toEqual(["fileName", "contentBase64"]);
  });

  it("answers 400 for a url that is not http or https", async () => {
    const response = await world.api.addContext("welcome", { type: "url", url: "javascript:alert(1)" });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(["url"]);
  });

  it("answers 400 for content that is not base64", async () => {
    const response = await world.api.addContext("welcome", fileItem("x", { contentBase64: "not base64!" }));
    expect(fieldsOf(response.json())).toEqual(["contentBase64"]);
  });

  it("answers 400 for a file one byte over 5 MB", async () => {
    const response = await world.api.addContext("welcome", fileItem("", { contentBase64: Buffer.alloc(MAX_CONTEXT_FILE_BYTES + 1).toString("base64") }));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain("5 MB");
  });

  it("answers 413 for a body far beyond the limit", async () => {
    const response = await world.api.addContext("welcome", fileItem("", { contentBase64: "A".repeat(9 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("answers 400 for an unknown type", async () => {
    const response = await world.api.addContext("welcome", { type: "video", url: "https://a.dev" });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toContain("type");
  });

  it("answers 409 past the item limit", async () => {
    for (let i = 0; i < MAX_CONTEXT_ITEMS; i++) await world.api.addContext("welcome", { type: "url", url: `https://a.dev/${i}` });
    const response = await world.api.addContext("welcome", { type: "url", url: "https://a.dev/one-more" });
    expect(response.statusCode).toBe(409);
  });

  it("answers 404 for an unknown prompt and an unknown item", async () => {
    await expect(world.api.addContext("nope", { type: "url", url: "https://a.dev" }).then((r) => r.statusCode)).resolves.toBe(404);
    await expect(world.api.removeContext("welcome", "ctx_unknown").then((r) => r.statusCode)).resolves.toBe(404);
    await expect(world.api.downloadUrl("ctx_unknown").then((r) => r.statusCode)).resolves.toBe(404);
  });

  it("answers 409 when removing an item of a published version", async () => {
    await world.api.addContext("welcome", { type: "url", url: "https://a.dev" });
    await world.api.publish("welcome");
    const v1 = (await world.api.get("@acme/welcome:v1")).json<{ contextItems: Array<{ id: string }> }>();
    const response = await world.api.removeContext("welcome", v1.contextItems[0]!.id);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { message: string } }>().error.message).toContain("v1 is published");
  });

  it("answers 400 when asking a download link for a url item", async () => {
    const item = (await world.api.addContext("welcome", { type: "url", url: "https://a.dev" })).json<{ id: string }>();
    const response = await world.api.downloadUrl(item.id);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(["contextId"]);
  });

  it("answers 400 for a link lifetime out of range", async () => {
    const item = (await world.api.addContext("welcome", fileItem("x"))).json<{ id: string }>();
    await expect(world.api.downloadUrl(item.id, "?expiresIn=0").then((r) => r.statusCode)).resolves.toBe(400);
    await expect(world.api.downloadUrl(item.id, "?expiresIn=3601").then((r) => r.statusCode)).resolves.toBe(400);
  });
});
