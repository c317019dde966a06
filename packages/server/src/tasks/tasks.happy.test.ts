import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAiCompletion } from "../test-support/fake-engine-server.js";
import { pause, startMonitorWorld, waitForTask, type MonitorWorld } from "../test-support/monitor-api.js";
import { bearer } from "../test-support/test-keyward.js";
import type { TaskView } from "./present-task.js";
import { verifyWebhookSignature } from "./webhook-signature.js";

describe("async monitor tasks", () => {
  let world: MonitorWorld;
  beforeAll(async () => {
    world = await startMonitorWorld({}, { KEYWARD_TASK_POLL_MS: "20" });
  });
  afterAll(async () => {
    await world.close();
  });

  const create = (secret: string, body: unknown) => world.run(secret, body, "/v1/async/task");

  it("queues a task and completes it with the sandbox answer of the synchronous route", async () => {
    const payload = { prompt: "Best CRM?", brands: ["Acme"] };
    const response = await create(world.sandbox, { taskType: "GEMINI", payload, priority: 5 });
    expect(response.statusCode).toBe(200);
    const queued = response.json<{ success: boolean; task: TaskView }>();
    expect(queued.success).toBe(true);
    expect(queued.task).toMatchObject({ id: expect.stringMatching(/^task_/) as unknown, status: "QUEUED", taskType: "GEMINI", priority: 5, response: null });
    const done = await waitForTask(world, world.sandbox, queued.task.id);
    const direct = await world.run(world.sandbox, { ...payload, model: "GEMINI" });
    expect(done.status).toBe("COMPLETED");
    expect(done.completedAt).not.toBeNull();
    expect(done.response).toEqual(direct.json<{ result: unknown }>().result);
  });

  it("runs a live task through the provider and charges the monitor's cost once it succeeds", async () => {
    world.engine.enqueue({ json: openAiCompletion("Acme is great.") });
    const before = await world.remaining();
    const queued = (await create(world.live, { taskType: "CHATGPT", payload: { prompt: "Hi", brands: ["Acme"] } })).json<{ task: TaskView }>().task;
    const done = await waitForTask(world, world.live, queued.id);
    expect(done).toMatchObject({ status: "COMPLETED", error: null, response: { text: "Acme is great.", model: "CHATGPT" } });
    expect(await world.remaining()).toBe(before - 5);
  });

  it("fails a live task whose engine fails, says why, and gives the credits back", async () => {
    world.engine.enqueue({ status: 500, json: {} }, { status: 500, json: {} });
    const before = await world.remaining();
    const queued = (await create(world.live, { taskType: "CHATGPT", payload: { prompt: "Hi" } })).json<{ task: TaskView }>().task;
    const done = await waitForTask(world, world.live, queued.id);
    expect(done).toMatchObject({ status: "FAILED", response: null, error: "The CHATGPT engine failed: its provider answered HTTP 500" });
    expect(await world.remaining()).toBe(before);
  });

  it("accepts or rejects each task of a batch on its own", async () => {
    const response = await world.run(
      world.sandbox,
      {
        tasks: [
          { taskType: "CLAUDE", payload: { prompt: "One" } },
          { taskType: "BARD", payload: { prompt: "Two" } },
          { taskType: "CLAUDE", payload: { prompt: "   " } },
          { taskType: "CLAUDE", payload: { prompt: "Four" }, extra: true },
          { taskType: "CLAUDE", payload: { prompt: "Five" }, idempotencyKey: "batch-five" },
          { taskType: "CLAUDE", payload: { prompt: "Five again" }, idempotencyKey: "batch-five" },
        ],
      },
      "/v1/async/task/batch",
    );
    expect(response.statusCode).toBe(200);
    const results = response.json<{ results: Array<{ index: number; success: boolean; error?: string; task?: TaskView }> }>().results;
    expect(results.map((r) => [r.index, r.success, r.error])).toEqual([
      [0, true, undefined],
      [1, false, "taskType must be equal to one of the allowed values"],
      [2, false, "payload.prompt must not be blank"],
      [3, false, "extra is not a known field"],
      [4, true, undefined],
      [5, false, expect.stringMatching(/^idempotencyKey was already used by task task_/)],
    ]);
  });

  it("POSTs the ended task to its webhook, signed with the workspace's secret", async () => {
    world.engine.requests.length = 0;
    world.engine.enqueue({ status: 200, json: {} });
    const queued = (await create(world.sandbox, { taskType: "COPILOT", payload: { prompt: "Hi", brands: ["Acme"] }, webhook: { url: `${world.engine.url}/hook` } })).json<{ task: TaskView }>().task;
    const done = await waitForTask(world, world.sandbox, queued.id);
    while (world.engine.requests.length === 0) await pause();
    const [delivery] = world.engine.requests;
    expect(delivery?.url).toBe("/hook");
    expect(delivery?.body).toEqual({ task: done, credits: 0, response: done.response });
    const secret = (await world.kw.keyward.app.inject({ method: "GET", url: "/v1/async/webhook-secret", headers: bearer(world.sandbox) })).json<{ secret: string }>().secret;
    expect(secret).toMatch(/^whsec_/);
    expect(verifyWebhookSignature(secret, delivery?.headers["keyward-signature"] as string, delivery?.raw ?? "")).toBe(true);
  });

  it("tells the workspace's queue depth and this instance's concurrency", async () => {
    const response = await world.kw.keyward.app.inject({ method: "GET", url: "/v1/async/status", headers: bearer(world.live) });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ success: boolean; queue: { queued: number; processing: number }; concurrency: { used: number; max: number } }>();
    expect(body.success).toBe(true);
    expect(body.concurrency.max).toBe(4);
    expect(body.queue.queued + body.queue.processing).toBeGreaterThanOrEqual(0);
  });
});
