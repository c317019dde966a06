import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keyward } from "../client.js";
import { startRealKeyward, type RealKeyward } from "../test-support/real-keyward.js";

// The monitor through the SDK against the compiled server, with a sandbox key: no provider needed.
let server: RealKeyward;
let sandbox: Keyward;

beforeAll(async () => {
  server = await startRealKeyward();
  const { key } = await server.createWorkspaceWithKey("monitor-sdk", ["keys:write", "monitor:run"]);
  const admin = new Keyward({ apiKey: key, baseUrl: server.baseUrl });
  const issued = await admin.keys.create({ name: "Sandbox", scopes: ["monitor:run"], environment: "test" });
  sandbox = new Keyward({ apiKey: issued.key, baseUrl: server.baseUrl });
});

afterAll(async () => {
  await server?.close();
});

describe("SDK monitor against a real Keyward, sandbox key", () => {
  it("runs a prompt and gets the same sandbox answer twice", async () => {
    const params = { prompt: "Best CRM for startups?", model: "CHATGPT" as const, brands: ["Acme", "Globex"] };
    const first = await sandbox.monitor.run(params);
    expect(first.model).toBe("CHATGPT");
    expect(first.sources[0]).toMatchObject({ position: 1, url: expect.stringMatching(/^https:\/\//) as unknown });
    expect(first.mentions.map((m) => [m.brand, m.count > 0])).toEqual([
      ["Acme", true],
      ["Globex", true],
    ]);
    await expect(sandbox.monitor.run(params)).resolves.toEqual(first);
  });

  it("queues a task and waits for its result", async () => {
    const task = await sandbox.tasks.create({ taskType: "PERPLEXITY", payload: { prompt: "Best CRM?", brands: ["Acme"] } });
    expect(task.status).toBe("QUEUED");
    const done = await sandbox.tasks.wait(task.id, { pollIntervalMs: 50, waitTimeoutMs: 30_000 });
    expect(done.status).toBe("COMPLETED");
    expect(done.response?.mentions[0]).toMatchObject({ brand: "Acme" });
  });
});
