import { describe, expect, it } from "vitest";
import { fileItem, startPromptWorld, usePromptWorld } from "../test-support/prompt-api.js";

interface Item {
  id: string;
  type: string;
}

describe("context item routes", () => {
  const world = usePromptWorld(async (w) => {
    await w.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
  });

  it("adds a url item to the draft", async () => {
    const response = await world.api.addContext("welcome", { type: "url", label: "Style guide", url: "https://acme.dev/style" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.stringMatching(/^ctx_/), type: "url", label: "Style guide", url: "https://acme.dev/style" });
  });

  it("adds a file item and shows its name, size and type, never its bytes", async () => {
    const response = await world.api.addContext("welcome", fileItem("hello world"));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.stringMatching(/^ctx_/), type: "file", label: "Guide", fileName: "guide.txt", fileSize: 11, mimeType: "text/plain" });
  });

  it("shows the draft's items in order on the prompt", async () => {
    await world.api.addContext("welcome", { type: "url", url: "https://acme.dev/a" });
    await world.api.addContext("welcome", fileItem("b"));
    const draft = (await world.api.get("@acme/welcome:v0")).json<{ contextItems: Item[] }>();
    expect(draft.contextItems.map((item) => item.type)).toEqual(["url", "file"]);
  });

  it("publishes the items with the version, and keeps them when the draft's copy is removed", async () => {
    const added = (await world.api.addContext("welcome", fileItem("v1 file"))).json<Item>();
    await world.api.publish("welcome");
    expect((await world.api.removeContext("welcome", added.id)).statusCode).toBe(204);
    const v1 = (await world.api.get("@acme/welcome:v1")).json<{ contextItems: Item[] }>();
    expect(v1.contextItems).toHaveLength(1);
    const link = (await world.api.downloadUrl(v1.contextItems[0]!.id)).json<{ url: string }>();
    const file = await world.download(link.url);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe("v1 file");
    await expect(world.api.get("@acme/welcome:v0").then((r) => r.json<{ contextItems: Item[] }>().contextItems)).resolves.toEqual([]);
  });

  it("gives a signed link, valid 5 minutes by default, that downloads the file without a key", async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const added = (await world.api.addContext("welcome", fileItem("", { fileName: "bytes.bin", mimeType: "application/octet-stream", contentBase64: bytes.toString("base64") }))).json<Item>();
    const response = await world.api.downloadUrl(added.id);
    expect(response.statusCode).toBe(200);
    const link = response.json<{ url: string; expiresIn: number }>();
    expect(link.expiresIn).toBe(300);
    expect(link.url).toMatch(new RegExp(`^http://localhost:80/v1/prompts/context/${added.id}/download\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`));
    const file = await world.download(link.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers["content-type"]).toBe("application/octet-stream");
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="bytes.bin"; filename*=UTF-8''bytes.bin`);
  });

  it("takes a shorter or longer lifetime up to an hour", async () => {
    const added = (await world.api.addContext("welcome", fileItem("x"))).json<Item>();
    await expect(world.api.downloadUrl(added.id, "?expiresIn=60").then((r) => r.json())).resolves.toMatchObject({ expiresIn: 60 });
    await expect(world.api.downloadUrl(added.id, "?expiresIn=3600").then((r) => r.json())).resolves.toMatchObject({ expiresIn: 3600 });
  });

  it("builds links on KEYWARD_PUBLIC_URL when it is set", async () => {
    const publicWorld = await startPromptWorld("acme", { KEYWARD_PUBLIC_URL: "https://keyward.acme.dev/" });
    try {
      await publicWorld.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
      const added = (await publicWorld.api.addContext("welcome", fileItem("x"))).json<Item>();
      const link = (await publicWorld.api.downloadUrl(added.id)).json<{ url: string }>();
      expect(link.url.startsWith(`https://keyward.acme.dev/v1/prompts/context/${added.id}/download?expires=`)).toBe(true);
      await expect(publicWorld.download(link.url).then((r) => r.body)).resolves.toBe("x");
    } finally {
      await publicWorld.kw.close();
    }
  });

  it("encodes a non-ASCII file name safely in the download headers", async () => {
    const added = (await world.api.addContext("welcome", fileItem("x", { fileName: 'Résumé "final".txt' }))).json<Item>();
    const link = (await world.api.downloadUrl(added.id)).json<{ url: string }>();
    const file = await world.download(link.url);
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="R_sum_ _final_.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.txt`);
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
  });
});
