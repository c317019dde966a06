import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkspaceRecord } from "../store/index.js";
import { openPostgresTestStore, openSqliteTestStore, type DriverStore } from "../test-support/driver-stores.js";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { WorkspaceService } from "../workspaces/index.js";
import { TaskStore, type NewTask } from "./task-store.js";

const postgresUrl = await postgresForTests("the task store on PostgreSQL");
const drivers: Array<[string, () => Promise<DriverStore>]> = [["SQLite", openSqliteTestStore]];
if (postgresUrl) drivers.push(["PostgreSQL", () => openPostgresTestStore(postgresUrl)]);

describe.each(drivers)("TaskStore on %s", (_name, open) => {
  let driver: DriverStore;
  let tasks: TaskStore;
  let workspace: WorkspaceRecord;
  let counter = 0;

  beforeAll(async () => {
    driver = await open();
    tasks = new TaskStore(driver.store.db, driver.store.dialect);
  });
  afterAll(async () => {
    await driver.cleanup();
  });

  // Each test gets its own workspace and drains what it queued, so tests never share tasks.
  const freshWorkspace = async () => {
    workspace = await new WorkspaceService(driver.store).create({ slug: `tasks-${++counter}` });
  };
  const task = (change: Partial<NewTask> = {}): NewTask => ({
    workspaceId: workspace.id,
    keyId: "key_test",
    environment: "test",
    taskType: "CHATGPT",
    payload: { prompt: "Best CRM?", country: "US", brands: [] },
    priority: 1,
    idempotencyKey: null,
    webhookUrl: null,
    ...change,
  });
  const drain = async (now: number) => {
    const claimed: string[] = [];
    for (let next = await tasks.claim(now, 60_000); next; next = await tasks.claim(now, 60_000)) claimed.push(next.id);
    return claimed;
  };

  it("claims the highest priority first, then the oldest", async () => {
    await freshWorkspace();
    const low = (await tasks.insert(task({ priority: 1 }), 1)).task;
    const high = (await tasks.insert(task({ priority: 9 }), 2)).task;
    const lowLater = (await tasks.insert(task({ priority: 1 }), 3)).task;
    expect(await drain(10)).toEqual([high.id, low.id, lowLater.id]);
  });

  it("hands each task to exactly one of many concurrent claimers", async () => {
    await freshWorkspace();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await tasks.insert(task(), i)).task.id);
    const claimed = (await Promise.all(Array.from({ length: 8 }, () => drain(100)))).flat();
    expect(claimed).toHaveLength(20);
    expect(new Set(claimed)).toEqual(ids);
  });

  it("gives a task back to the queue once its lease expires, with one more attempt", async () => {
    await freshWorkspace();
    const queued = (await tasks.insert(task(), 1)).task;
    const first = await tasks.claim(1_000, 500);
    expect(first).toMatchObject({ id: queued.id, status: "PROCESSING", attempts: 1 });
    expect(await tasks.claim(1_400, 500)).toBeNull();
    const second = await tasks.claim(1_600, 500);
    expect(second).toMatchObject({ id: queued.id, attempts: 2 });
    // The first claimer's late answer is refused: the task is no longer its own.
    await expect(tasks.finish(first!, { status: "COMPLETED", result: "{}" }, 1_700)).resolves.toBe(false);
    await expect(tasks.finish(second!, { status: "COMPLETED", result: "{}" }, 1_700)).resolves.toBe(true);
    await expect(tasks.find(workspace.id, queued.id)).resolves.toMatchObject({ status: "COMPLETED", completedAt: 1_700 });
  });

  it("refuses a second task with the same idempotency key in a workspace", async () => {
    await freshWorkspace();
    const first = await tasks.insert(task({ idempotencyKey: "order-1" }), 1);
    const again = await tasks.insert(task({ idempotencyKey: "order-1" }), 2);
    expect(first.created).toBe(true);
    expect(again).toEqual({ created: false, task: first.task });
    expect((await tasks.insert(task({ idempotencyKey: null }), 3)).created).toBe(true);
    expect((await tasks.insert(task({ idempotencyKey: null }), 4)).created).toBe(true);
    await drain(10);
  });

  it("counts the workspace's queue and prunes ended tasks", async () => {
    await freshWorkspace();
    await tasks.insert(task(), 1);
    await tasks.insert(task(), 2);
    const running = await tasks.claim(10, 60_000);
    expect(await tasks.depth(workspace.id)).toEqual({ queued: 1, processing: 1 });
    await tasks.finish(running!, { status: "FAILED", error: "x" }, 20);
    expect(await tasks.pruneEndedBefore(21)).toBe(1);
    await expect(tasks.find(workspace.id, running!.id)).resolves.toBeNull();
    await drain(30);
  });
});
