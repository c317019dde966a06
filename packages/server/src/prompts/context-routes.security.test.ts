import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createKeyward } from "../runtime/create-keyward.js";
import { DOWNLOAD_SECRET_NAME } from "./context-service.js";
import { signDownload } from "./download-signature.js";
import { fileItem, usePromptWorld } from "../test-support/prompt-api.js";

describe("signed download links", () => {
  let itemId: string;
  let url: URL;
  const world = usePromptWorld(async (w) => {
    await w.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
    itemId = (await w.api.addContext("welcome", fileItem("secret file"))).json<{ id: string }>().id;
    url = new URL((await w.api.downloadUrl(itemId)).json<{ url: string }>().url);
  });

  async function serverSecret(): Promise<string> {
    const row = await world.kw.keyward.db.selectFrom("server_secrets").select("value").where("name", "=", DOWNLOAD_SECRET_NAME).executeTakeFirstOrThrow();
    return row.value;
  }

  function fetchPath(path: string) {
    return world.kw.keyward.app.inject({ method: "GET", url: path });
  }

  it("downloads with the link as given", async () => {
    await expect(fetchPath(`${url.pathname}${url.search}`).then((r) => r.body)).resolves.toBe("secret file");
  });

  it("refuses a tampered signature with 403", async () => {
    const signature = url.searchParams.get("signature")!;
    url.searchParams.set("signature", `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`);
    const response = await fetchPath(`${url.pathname}${url.search}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: "forbidden", message: "Download link is invalid" } });
    expect(response.body).not.toContain("secret file");
  });

  it("refuses a link whose expiry was pushed back", async () => {
    url.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 86_400));
    await expect(fetchPath(`${url.pathname}${url.search}`).then((r) => r.statusCode)).resolves.toBe(403);
  });

  it("refuses a correctly signed link once it has expired", async () => {
    const expires = Math.floor(Date.now() / 1000) - 1;
    const response = await fetchPath(`/v1/prompts/context/${itemId}/download?expires=${expires}&signature=${signDownload(await serverSecret(), itemId, expires)}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: "forbidden", message: "Download link has expired; ask for a new one" } });
  });

  it("refuses one item's signature on another item", async () => {
    const other = (await world.api.addContext("welcome", fileItem("other file", { fileName: "other.txt" }))).json<{ id: string }>().id;
    const response = await fetchPath(`/v1/prompts/context/${other}/download${url.search}`);
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain("other file");
  });

  it("refuses a link without a signature", async () => {
    const response = await fetchPath(`${url.pathname}?expires=${url.searchParams.get("expires")}`);
    expect(response.statusCode).toBe(400);
  });

  it("answers 404 once the item is removed, even with a valid link", async () => {
    await world.api.removeContext("welcome", itemId);
    await expect(fetchPath(`${url.pathname}${url.search}`).then((r) => r.statusCode)).resolves.toBe(404);
  });

  it("accepts a link made by another instance on the same database", async () => {
    const other = await createKeyward(world.kw.config, { logStream: new PassThrough() });
    try {
      const link = new URL((await other.prompts.context.createDownloadUrl(world.workspace.id, itemId, { baseUrl: "http://other" })).url);
      await expect(fetchPath(`${link.pathname}${link.search}`).then((r) => r.body)).resolves.toBe("secret file");
      const ours = await other.app.inject({ method: "GET", url: `${url.pathname}${url.search}` });
      expect(ours.body).toBe("secret file");
    } finally {
      await other.close();
    }
  });

  it("stores the signing secret once, never in a link", async () => {
    const secret = await serverSecret();
    expect(url.toString()).not.toContain(secret);
    const rows = await world.kw.keyward.db.selectFrom("server_secrets").selectAll().execute();
    expect(rows).toHaveLength(1);
  });
});
