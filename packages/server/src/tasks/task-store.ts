import { sql, type Kysely, type Selectable } from "kysely";
import { newId } from "../keys/index.js";
import type { Engine } from "../monitor/index.js";
import type { Database, MonitorTasksTable } from "../store/schema.js";

export type TaskStatus = "QUEUED" | "PROCESSING" | "COMPLETED" | "FAILED";

export interface TaskPayload {
  prompt: string;
  country: string;
  brands: string[];
}

export interface TaskRecord {
  id: string;
  workspaceId: string;
  keyId: string;
  environment: "live" | "test";
  taskType: Engine;
  payload: TaskPayload;
  priority: number;
  idempotencyKey: string | null;
  webhookUrl: string | null;
  status: TaskStatus;
  attempts: number;
  /** JSON of the monitor result, once COMPLETED. */
  result: string | null;
  error: string | null;
  createdAt: number;
  completedAt: number | null;
}

export type NewTask = Pick<TaskRecord, "workspaceId" | "keyId" | "environment" | "taskType" | "payload" | "priority" | "idempotencyKey" | "webhookUrl">;

function toRecord(row: Selectable<MonitorTasksTable>): TaskRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    keyId: row.key_id,
    environment: row.environment as TaskRecord["environment"],
    taskType: row.task_type as Engine,
    payload: JSON.parse(row.payload) as TaskPayload,
    priority: row.priority,
    idempotencyKey: row.idempotency_key,
    webhookUrl: row.webhook_url,
    status: row.status as TaskStatus,
    attempts: row.attempts,
    result: row.result,
    error: row.error,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/**
 * The task queue in the database, shared by every instance. A claim is one statement:
 * on PostgreSQL the candidate row is locked `FOR UPDATE SKIP LOCKED` so two instances never
 * take the same task; on SQLite writes are serialized, so the same `UPDATE … RETURNING` is atomic.
 *
 * @example const task = await tasks.claim(Date.now(), 300_000); // null: nothing to do
 */
export class TaskStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: "sqlite" | "postgres",
  ) {}

  /** Inserts a task, or answers the existing task that already holds its idempotency key. */
  async insert(task: NewTask, now: number): Promise<{ created: true; task: TaskRecord } | { created: false; task: TaskRecord }> {
    const id = newId("task");
    const inserted = await this.db
      .insertInto("monitor_tasks")
      .values({
        id,
        workspace_id: task.workspaceId,
        key_id: task.keyId,
        environment: task.environment,
        task_type: task.taskType,
        payload: JSON.stringify(task.payload),
        priority: task.priority,
        idempotency_key: task.idempotencyKey,
        webhook_url: task.webhookUrl,
        status: "QUEUED",
        attempts: 0,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(["workspace_id", "idempotency_key"]).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { created: true, task: toRecord(inserted) };
    const existing = await this.db
      .selectFrom("monitor_tasks")
      .selectAll()
      .where("workspace_id", "=", task.workspaceId)
      .where("idempotency_key", "=", task.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { created: false, task: toRecord(existing) };
  }

  async find(workspaceId: string, id: string): Promise<TaskRecord | null> {
    const row = await this.db.selectFrom("monitor_tasks").selectAll().where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * Takes the most urgent task: a queued one, or one whose claiming instance let its lease
   * expire (it died). Answers it PROCESSING with a fresh lease and one more attempt.
   */
  async claim(now: number, leaseMs: number): Promise<TaskRecord | null> {
    let candidate = this.db
      .selectFrom("monitor_tasks")
      .select("id")
      .where((eb) => eb.or([eb("status", "=", "QUEUED"), eb.and([eb("status", "=", "PROCESSING"), eb("lease_expires_at", "<", now)])]))
      .orderBy("priority", "desc")
      .orderBy("created_at", "asc")
      .limit(1);
    if (this.dialect === "postgres") candidate = candidate.forUpdate().skipLocked();
    const row = await this.db
      .updateTable("monitor_tasks")
      .set((eb) => ({ status: "PROCESSING", lease_expires_at: now + leaseMs, attempts: eb("attempts", "+", 1) }))
      .where("id", "=", candidate)
      .returningAll()
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Ends a task this worker holds; false when its lease was lost to another instance meanwhile. */
  async finish(task: TaskRecord, outcome: { status: "COMPLETED"; result: string } | { status: "FAILED"; error: string }, now: number): Promise<boolean> {
    const updated = await this.db
      .updateTable("monitor_tasks")
      .set({
        status: outcome.status,
        result: outcome.status === "COMPLETED" ? outcome.result : null,
        error: outcome.status === "FAILED" ? outcome.error : null,
        completed_at: now,
        lease_expires_at: null,
      })
      .where("id", "=", task.id)
      .where("status", "=", "PROCESSING")
      .where("attempts", "=", task.attempts)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Tasks of a workspace waiting and running, for `/v1/async/status`. */
  async depth(workspaceId: string): Promise<{ queued: number; processing: number }> {
    const rows = await this.db
      .selectFrom("monitor_tasks")
      .select(["status", sql<number>`count(*)`.as("count")])
      .where("workspace_id", "=", workspaceId)
      .where("status", "in", ["QUEUED", "PROCESSING"])
      .groupBy("status")
      .execute();
    const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
    return { queued: count("QUEUED"), processing: count("PROCESSING") };
  }

  /** Deletes tasks that ended before `cutoff` (results are kept 24 hours). */
  async pruneEndedBefore(cutoff: number): Promise<number> {
    const deleted = await this.db.deleteFrom("monitor_tasks").where("completed_at", "<", cutoff).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }
}
