import type { MonitorResult } from "../monitor/index.js";
import type { TaskRecord } from "./task-store.js";

/** A task as the API shows it: its result once COMPLETED, its reason once FAILED. */
export interface TaskView {
  id: string;
  status: TaskRecord["status"];
  taskType: TaskRecord["taskType"];
  priority: number;
  idempotencyKey: string | null;
  createdAt: string;
  completedAt: string | null;
  response: MonitorResult | null;
  error: string | null;
}

export function presentTask(task: TaskRecord): TaskView {
  return {
    id: task.id,
    status: task.status,
    taskType: task.taskType,
    priority: task.priority,
    idempotencyKey: task.idempotencyKey,
    createdAt: new Date(task.createdAt).toISOString(),
    completedAt: task.completedAt === null ? null : new Date(task.completedAt).toISOString(),
    response: task.status === "COMPLETED" && task.result !== null ? (JSON.parse(task.result) as MonitorResult) : null,
    error: task.status === "FAILED" ? task.error : null,
  };
}
