import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { VerifiedKey } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import "../http/fastify-augment.js";
import { BatchBody, BatchEnvelope, CreateTaskBody, StatusEnvelope, TaskEnvelope, TaskErrorResponses, TaskParams, WebhookSecretEnvelope } from "./task-schemas.js";
import type { TaskService } from "./task-service.js";

const tags = ["Async tasks"];
const security = [{ bearerAuth: [] }];
const config = { auth: { scope: "monitor:run" as const }, dialect: "monitor" as const };

function keyOf(request: FastifyRequest): VerifiedKey {
  if (request.apiKey === null) throw new ApiError("unauthorized");
  return request.apiKey;
}

/**
 * `/v1/async/task` (queue one), `/v1/async/task/batch` (1–500), `/v1/async/task/:id` (status
 * and result), `/v1/async/status` (queue depth, concurrency), `/v1/async/webhook-secret`. Credits are taken when a task
 * runs, not when it is queued (a failed task is given back), so these routes declare no cost.
 *
 * @example registerTaskRoutes(app, tasks);
 */
export function registerTaskRoutes(root: FastifyInstance, tasks: TaskService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    "/v1/async/task",
    { config, schema: { tags, security, summary: "Queue a monitor request", body: CreateTaskBody, response: { 200: TaskEnvelope, ...TaskErrorResponses } } },
    async function createTask(request) {
      return { success: true as const, task: await tasks.create(keyOf(request), request.body) };
    },
  );

  app.post(
    "/v1/async/task/batch",
    {
      config,
      schema: { tags, security, summary: "Queue 1–500 monitor requests; each is accepted or rejected on its own", body: BatchBody, response: { 200: BatchEnvelope, ...TaskErrorResponses } },
    },
    async function createTaskBatch(request) {
      return { success: true as const, results: await tasks.createBatch(keyOf(request), request.body.tasks) };
    },
  );

  app.get(
    "/v1/async/task/:id",
    { config, schema: { tags, security, summary: "A task's status, and its result once COMPLETED", params: TaskParams, response: { 200: TaskEnvelope, ...TaskErrorResponses } } },
    async function getTask(request) {
      return { success: true as const, task: await tasks.get(keyOf(request), request.params.id) };
    },
  );

  app.get(
    "/v1/async/webhook-secret",
    {
      config,
      schema: { tags, security, summary: "The secret this workspace's webhooks are signed with (HMAC-SHA256)", response: { 200: WebhookSecretEnvelope, ...TaskErrorResponses } },
    },
    async function getWebhookSecret(request) {
      return { success: true as const, secret: await tasks.webhookSecret(keyOf(request)) };
    },
  );

  app.get(
    "/v1/async/status",
    { config, schema: { tags, security, summary: "Queue depth of the workspace and this instance's concurrency", response: { 200: StatusEnvelope, ...TaskErrorResponses } } },
    async function getTaskStatus(request) {
      return { success: true as const, ...(await tasks.status(keyOf(request))) };
    },
  );
}
