import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pause, startMonitorWorld, waitForTask, type MonitorWorld } from "../test-support/monitor-api.js";
import { bearer } from "../test-support/test-keyward.js";
import type { TaskView } from "./present-task.js";

describe("async task errors, in the monitor dialect", () => {
  let world: MonitorWorld;
  beforeAll(async () => {
    world = await startMonitorWorld({}, { KEYWARD_TASK_POLL_MS: "20" });
  });
  afterAll(async () => {
    await world.close();
  });

  const create = (secret: string | null, body: unknown) => world.run(secret, body, "/v1/async/task");
  const get = (secret: string, id: string) => world.kw.keyward.app.inject({ method: "GET", url: `/v1/async/task/${id}`, headers: bearer(secret) });

  it("answers 409 to a reused idempotency key, naming the task that holds it", async () => {
    const body = { taskType: "CHATGPT", payload: { prompt: "Hi" }, idempotencyKey: "order-42" };
    const first = (await create(world.sandbox, body)).json<{ task: TaskView }>().task;
    const again = await create(world.sandbox, body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ success: false, error: `idempotencyKey was already used by task ${first.id}` });
  });

  it.each([
    ["a missing taskType", { payload: { prompt: "Hi" } }, "taskType is required"],
    ["a blank prompt", { taskType: "CHATGPT", payload: { prompt: " " } }, "payload.prompt must not be blank"],
    ["a priority of 11", { taskType: "CHATGPT", payload: { prompt: "Hi" }, priority: 11 }, "priority must be <= 10"],
    ["a webhook that is no URL", { taskType: "CHATGPT", payload: { prompt: "Hi" }, webhook: { url: "ftp://x" } }, 'webhook.url must match pattern "^https?://"'],
    ["a model inside the payload", { taskType: "CHATGPT", payload: { prompt: "Hi", model: "CHATGPT" } }, "payload.model is not a known field"],
  ])("answers 400 for %s", async (_name, body, message) => {
    const response = await create(world.sandbox, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ success: false, error: message });
  });

  it.each([
    ["no task", []],
    ["501 tasks", Array.from({ length: 501 }, () => ({ taskType: "CHATGPT", payload: { prompt: "Hi" } }))],
  ])("answers 400 to a batch of %s", async (_name, tasks) => {
    const response = await world.run(world.sandbox, { tasks }, "/v1/async/task/batch");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ success: false });
  });

  it("answers 401 without a key and 403 without the monitor:run scope", async () => {
    const body = { taskType: "CHATGPT", payload: { prompt: "Hi" } };
    expect((await create(null, body)).json()).toEqual({ success: false, error: "Invalid or missing API key" });
    const { secret } = await world.kw.issueKey(world.workspace, { scopes: ["prompts:read"] });
    const refused = await create(secret, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ success: false, error: "Insufficient permissions" });
  });

  it("answers 404 for an unknown task and for another workspace's task", async () => {
    const mine = (await create(world.sandbox, { taskType: "CHATGPT", payload: { prompt: "Secret question" } })).json<{ task: TaskView }>().task;
    const other = await world.kw.createWorkspace("other");
    const { secret } = await world.kw.issueKey(other, { environment: "test" });
    for (const id of [mine.id, "task_doesnotexist"]) {
      const response = await get(secret, id);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ success: false, error: "Task not found" });
    }
  });
});

describe("async task workers", () => {
  let world: MonitorWorld | undefined;
  afterEach(async () => {
    await world?.close();
  });

  it("fails a live task when the workspace has too few credits, without calling the engine", async () => {
    world = await startMonitorWorld({ creditsPerCycle: 4 }, { KEYWARD_TASK_POLL_MS: "20" });
    const queued = (await world.run(world.live, { taskType: "CHATGPT", payload: { prompt: "Hi" } }, "/v1/async/task")).json<{ task: TaskView }>().task;
    const task = await waitForTask(world, world.live, queued.id);
    expect(task).toMatchObject({ status: "FAILED", error: "Insufficient credits" });
    expect(world.engine.requests).toHaveLength(0);
  });

  it("runs again a task whose claiming instance died (its lease expired)", async () => {
    // A long poll: the worker only looks at the queue when told to.
    world = await startMonitorWorld({}, { KEYWARD_TASK_POLL_MS: "60000" });
    const { store, worker } = world.kw.keyward.tasks;
    const inserted = await store.insert(
      { workspaceId: world.workspace.id, keyId: "key_gone", environment: "test", taskType: "GROK", payload: { prompt: "Hi", country: "US", brands: [] }, priority: 1, idempotencyKey: null, webhookUrl: null },
      Date.now(),
    );
    // The "dead" instance claimed it long ago and never finished.
    await expect(store.claim(Date.now() - 600_000, 1_000)).resolves.toMatchObject({ id: inserted.task.id, attempts: 1 });
    worker.wake();
    let task = await store.find(world.workspace.id, inserted.task.id);
    while (task?.status === "PROCESSING") {
      await pause();
      task = await store.find(world.workspace.id, inserted.task.id);
    }
    expect(task).toMatchObject({ status: "COMPLETED", attempts: 2 });
  });
});
