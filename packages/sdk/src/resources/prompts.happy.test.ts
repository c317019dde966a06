import { describe, expect, it } from "vitest";
import { useStubClient } from "../test-support/stub-client.js";
import type { Prompt } from "./prompts.js";

const clientFor = useStubClient();

function prompt(n: number): Prompt {
  return {
    id: `pr_${n}`,
    title: `Prompt ${n}`,
    slug: `prompt-${n}`,
    content: `Hello ${n}`,
    systemPrompt: null,
    critiquePrompt: null,
    description: null,
    category: null,
    tags: [],
    version: "v1",
    workspaceSlug: "acme",
    packageName: `@acme/prompt-${n}:v1`,
    metadata: { createdAt: "2024-01-15T10:30:00.000Z", publishedAt: "2024-01-15T10:30:00.000Z" },
    variables: [{ name: "name", type: "string", description: null }],
    contextItems: [{ id: "ctx_1", type: "url", label: "Docs", url: "https://docs.example" }],
  };
}

describe("client.prompts.get", () => {
  it("posts the package name and variables and returns the prompt at the top level", async () => {
    const rendered = { ...prompt(1), content: "Hello Ada" };
    const { client, server } = await clientFor(() => ({ body: rendered }));
    await expect(client.prompts.get("@acme/welcome:v1", { variables: { name: "Ada", age: 36 } })).resolves.toEqual(rendered);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: "/v1/prompts/get",
      body: { package_name: "@acme/welcome:v1", variables: { name: "Ada", age: 36 } },
    });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  it("sends no variables field when none are given", async () => {
    const { client, server } = await clientFor(() => ({ body: prompt(1) }));
    await client.prompts.get("@acme/welcome");
    expect(server.requests[0]?.body).toEqual({ package_name: "@acme/welcome" });
  });
});

describe("client.prompts.list", () => {
  it("follows cursors through every page, passing the page size", async () => {
    const pages = [
      { prompts: [prompt(1), prompt(2)], cursor: "c1", hasMore: true },
      { prompts: [prompt(3), prompt(4)], cursor: "c2", hasMore: true },
      { prompts: [prompt(5)], cursor: null, hasMore: false },
    ];
    const { client, server } = await clientFor((_r, i) => ({ body: pages[i] }));
    const ids: string[] = [];
    for await (const item of client.prompts.list({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual(["pr_1", "pr_2", "pr_3", "pr_4", "pr_5"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/prompts?limit=2", "/v1/prompts?limit=2&cursor=c1", "/v1/prompts?limit=2&cursor=c2"]);
  });

  it("fetches the next page only when the loop needs it", async () => {
    const { client, server } = await clientFor((_r, i) => ({ body: { prompts: [prompt(i)], cursor: `c${i}`, hasMore: true } }));
    for await (const item of client.prompts.list()) {
      if (item.id === "pr_1") break;
    }
    expect(server.requests).toHaveLength(2);
  });

  it("starts after a given cursor", async () => {
    const { client, server } = await clientFor(() => ({ body: { prompts: [], cursor: null, hasMore: false } }));
    for await (const _ of client.prompts.list({ cursor: "abc" })) {
      // empty
    }
    expect(server.requests[0]?.url).toBe("/v1/prompts?cursor=abc");
  });

  it("returns one page from listPage", async () => {
    const page = { prompts: [prompt(1)], cursor: "c1", hasMore: true };
    const { client } = await clientFor(() => ({ body: page }));
    await expect(client.prompts.listPage({ limit: 1 })).resolves.toEqual(page);
  });
});
