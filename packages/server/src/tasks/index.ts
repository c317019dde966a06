export { TaskStore, type TaskRecord, type TaskStatus, type TaskPayload, type NewTask } from "./task-store.js";
export { TaskWorker, type TaskBilling, type TaskWorkerOptions } from "./task-worker.js";
export { TaskService, TASK_RETENTION_MS, type CreateTaskInput, type BatchItemResult } from "./task-service.js";
export { presentTask, type TaskView } from "./present-task.js";
export { registerTaskRoutes } from "./task-routes.js";
export { readTaskSettings, type TaskSettings } from "./task-settings.js";
export { createTaskQueue, type TaskQueue, type TaskQueueParts } from "./create-task-queue.js";
export { WebhookSender, type WebhookBody, type WebhookSenderOptions } from "./webhook-sender.js";
export { signWebhook, verifyWebhookSignature, workspaceWebhookSecret, WEBHOOK_SIGNATURE_HEADER } from "./webhook-signature.js";
