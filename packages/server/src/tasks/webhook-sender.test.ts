import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeEngine, type FakeEngineServer } from "../test-support/fake-engine-server.js";
import { pause } from "../test-support/monitor-api.js";
import type { TaskRecord } from "./task-store.js";
import { WebhookSender } from "./webhook-sender.js";
import { verifyWebhookSignature } from "./webhook-signature.js";

const SECRET = "whsec_test";

describe("WebhookSender against a local receiver", () => {
  let receiver: FakeEngineServer;
  const task = (): TaskRecord => ({
    id: "task_1",
    workspaceId: "ws_a",
    keyId: "key_a",
    environment: "live",
    taskType: "CHATGPT",
    payload: { prompt: "Hi", country: "US", brands: [] },
    priority: 1,
    idempotencyKey: null,
    webhookUrl: `${receiver.url}/hooks?token=abc`,
    status: "COMPLETED",
    attempts: 1,
    result: JSON.stringify({ text: "Acme", markdown: "Acme", model: "CHATGPT", sources: [], mentions: [] }),
    error: null,
    createdAt: 1_000,
    completedAt: 2_000,
  });

  beforeAll(async () => {
    receiver = await startFakeEngine({ status: 200, json: {} });
  });
  beforeEach(() => {
    receiver.requests.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("POSTs the task, its credits and its response, signed with the workspace's secret", async () => {
    const sender = new WebhookSender(async () => SECRET);
    sender.deliver(task(), 5);
    await sender.stop();
    const [request] = receiver.requests;
    expect(request?.url).toBe("/hooks?token=abc");
    expect(request?.body).toMatchObject({ task: { id: "task_1", status: "COMPLETED" }, credits: 5, response: { text: "Acme" } });
    expect(verifyWebhookSignature(SECRET, request?.headers["keyward-signature"] as string, request?.raw ?? "")).toBe(true);
  });

  it("retries a failed delivery up to five times, then gives up and says so", async () => {
    receiver.enqueue(...Array.from({ length: 6 }, () => ({ status: 500 })));
    const errors: string[] = [];
    const sender = new WebhookSender(async () => SECRET, { retryDelaysMs: [0, 0, 0, 0, 0], onError: (_e, message) => errors.push(message) });
    sender.deliver(task(), 0);
    while (errors.length === 0) await pause();
    expect(receiver.requests).toHaveLength(6);
    expect(errors).toEqual(["webhook of task task_1 not delivered after 6 attempts"]);
    expect(errors.join()).not.toContain("token=abc");
    await sender.stop();
  });

  it("stops retrying once a delivery succeeds", async () => {
    receiver.enqueue({ status: 503 }, { drop: true }, { status: 204 });
    const sender = new WebhookSender(async () => SECRET, { retryDelaysMs: [0, 0, 0, 0, 0] });
    sender.deliver(task(), 0);
    while (receiver.requests.length < 3) await pause();
    await pause(50);
    await sender.stop();
    expect(receiver.requests).toHaveLength(3);
  });

  it("sends nothing for a task without a webhook", async () => {
    const sender = new WebhookSender(async () => SECRET);
    sender.deliver({ ...task(), webhookUrl: null }, 0);
    await sender.stop();
    expect(receiver.requests).toHaveLength(0);
  });
});
