import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors.js";
import { useStubClient } from "../test-support/stub-client.js";
import { TaskTimeoutError, type Task, type TaskStatus } from "./tasks.js";

const clientFor = useStubClient();

function task(status: TaskStatus, extra: Partial<Task> = {}): Task {
  return { id: "task_1", status, taskType: "CHATGPT", priority: 5, createdAt: "2024-01-15T10:30:00.000Z", ...extra };
}

const FAST = { pollIntervalMs: 1, maxPollIntervalMs: 5 };

describe("client.tasks", () => {
  it("creates a task and returns it out of its envelope", async () => {
    const { client, server } = await clientFor(() => ({ status: 201, body: { success: true, task: task("QUEUED") } }));
    const params = { taskType: "CHATGPT", payload: { prompt: "Best CRM?", brands: ["Acme"] }, priority: 5, idempotencyKey: "run-42", webhook: { url: "https://hooks.example/keyward" } } as const;
    await expect(client.tasks.create({ ...params, payload: { ...params.payload, brands: ["Acme"] } })).resolves.toEqual(task("QUEUED"));
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/v1/async/task", body: params });
  });

  it("throws ConflictError for a reused idempotency key", async () => {
    const { client } = await clientFor(() => ({ status: 409, body: { success: false, error: "idempotencyKey run-42 was already used" } }));
    await expect(client.tasks.create({ taskType: "CHATGPT", payload: { prompt: "hi" }, idempotencyKey: "run-42" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("gets a task by id", async () => {
    const { client, server } = await clientFor(() => ({ body: { success: true, task: task("PROCESSING") } }));
    await expect(client.tasks.get("task_1")).resolves.toMatchObject({ status: "PROCESSING" });
    expect(server.requests[0]?.url).toBe("/v1/async/task/task_1");
  });

  it("attaches a response the API sends beside the task", async () => {
    const response = { text: "answer", markdown: "answer", model: "CHATGPT", sources: [], mentions: [] };
    const { client } = await clientFor(() => ({ body: { success: true, task: task("COMPLETED"), response } }));
    await expect(client.tasks.get("task_1")).resolves.toMatchObject({ status: "COMPLETED", response });
  });

  it("waits through QUEUED and PROCESSING until COMPLETED", async () => {
    const states: TaskStatus[] = ["QUEUED", "QUEUED", "PROCESSING", "COMPLETED"];
    const { client, server } = await clientFor((_r, i) => ({ body: { success: true, task: task(states[i] ?? "COMPLETED", { response: null }) } }));
    await expect(client.tasks.wait("task_1", FAST)).resolves.toMatchObject({ status: "COMPLETED" });
    expect(server.requests).toHaveLength(4);
  });

  it("returns a FAILED task rather than throwing", async () => {
    const { client } = await clientFor(() => ({ body: { success: true, task: task("FAILED", { error: "engine timed out" }) } }));
    await expect(client.tasks.wait("task_1", FAST)).resolves.toMatchObject({ status: "FAILED", error: "engine timed out" });
  });

  it("throws TaskTimeoutError with the last state when the task does not end in time", async () => {
    const { client } = await clientFor(() => ({ body: { success: true, task: task("QUEUED") } }));
    const error = await client.tasks.wait("task_1", { ...FAST, waitTimeoutMs: 30 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect((error as TaskTimeoutError).task.status).toBe("QUEUED");
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    const { client } = await clientFor(() => {
      controller.abort(new Error("stop"));
      return { body: { success: true, task: task("QUEUED") } };
    });
    await expect(client.tasks.wait("task_1", { ...FAST, signal: controller.signal })).rejects.toThrow("stop");
  });
});
