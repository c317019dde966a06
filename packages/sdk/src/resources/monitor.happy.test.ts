import { describe, expect, it } from "vitest";
import { useStubClient } from "../test-support/stub-client.js";
import type { MonitorResult } from "./monitor.js";

const clientFor = useStubClient();

const RESULT: MonitorResult = {
  text: "Acme is a popular choice. See https://acme.example.",
  markdown: "**Acme** is a popular choice. See [acme](https://acme.example).",
  model: "CHATGPT",
  sources: [{ position: 1, url: "https://acme.example", label: "acme", description: null }],
  mentions: [{ brand: "Acme", count: 1, firstPosition: 0, sentences: ["Acme is a popular choice."] }],
};

describe("client.monitor.run", () => {
  it("posts the request to /v1/monitor and returns the result out of its envelope", async () => {
    const { client, server } = await clientFor(() => ({ body: { success: true, result: RESULT } }));
    const params = { prompt: "Best CRM for startups?", model: "CHATGPT", country: "FR", brands: ["Acme", "Globex"] } as const;
    await expect(client.monitor.run({ ...params, brands: [...params.brands] })).resolves.toEqual(RESULT);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/v1/monitor", body: { ...params } });
  });

  it("leaves out optional fields that were not given", async () => {
    const { client, server } = await clientFor(() => ({ body: { success: true, result: RESULT } }));
    await client.monitor.run({ prompt: "hi", model: "CLAUDE" });
    expect(server.requests[0]?.body).toEqual({ prompt: "hi", model: "CLAUDE" });
  });
});
