import type { LightMyRequestResponse } from "fastify";
import type { WorkspaceRecord } from "../store/index.js";
import type { TaskView } from "../tasks/index.js";
import { startFakeEngine, type FakeEngineServer } from "./fake-engine-server.js";
import { ROOMY_PLAN, writePlansFile, type TestPlan } from "./plans-file.js";
import { bearer, startTestKeyward, type TestKeyward } from "./test-keyward.js";

/** The provider key the fake engines expect: no answer or log line may contain it. */
export const UPSTREAM_KEY = "sk-upstream-NEVER-LEAK-31337";

export interface MonitorWorld {
  kw: TestKeyward;
  /** Plays CHATGPT (OpenAI-compatible) and CLAUDE (Anthropic); GROK has no provider. */
  engine: FakeEngineServer;
  workspace: WorkspaceRecord;
  live: string;
  sandbox: string;
  /** POSTs a monitor request (`/v1/monitor` unless `path` says otherwise). */
  run(secret: string | null, body: unknown, path?: string): Promise<LightMyRequestResponse>;
  remaining(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A Keyward whose CHATGPT engine is a local OpenAI-compatible server and CLAUDE a local
 * Anthropic one (the same fake server), with a live and a sandbox key.
 *
 * @example const world = await startMonitorWorld(); const res = await world.run(world.live, { prompt: "Hi", model: "CHATGPT" });
 */
export async function startMonitorWorld(plan: Partial<TestPlan> = {}, env: Record<string, string> = {}): Promise<MonitorWorld> {
  const engine = await startFakeEngine();
  const plans = writePlansFile({ free: { ...ROOMY_PLAN, creditsPerCycle: 100, ...plan } });
  const kw = await startTestKeyward({
    KEYWARD_PLANS_FILE: plans.file,
    KEYWARD_ENGINE_CHATGPT_URL: `${engine.url}/v1`,
    KEYWARD_ENGINE_CHATGPT_MODEL: "gpt-test",
    KEYWARD_ENGINE_CHATGPT_API_KEY: UPSTREAM_KEY,
    KEYWARD_ENGINE_CHATGPT_TIMEOUT_MS: "500",
    KEYWARD_ENGINE_CLAUDE_PROVIDER: "anthropic",
    KEYWARD_ENGINE_CLAUDE_URL: engine.url,
    KEYWARD_ENGINE_CLAUDE_MODEL: "claude-test",
    KEYWARD_ENGINE_CLAUDE_API_KEY: UPSTREAM_KEY,
    ...env,
  });
  const workspace = await kw.createWorkspace("acme");
  const live = (await kw.issueKey(workspace)).secret;
  const sandbox = (await kw.issueKey(workspace, { environment: "test" })).secret;
  return {
    kw,
    engine,
    workspace,
    live,
    sandbox,
    run: (secret, body, path = "/v1/monitor") =>
      kw.keyward.app.inject({ method: "POST", url: path, headers: secret === null ? {} : bearer(secret), payload: body as object }),
    remaining: async () => (await kw.keyward.credits.balanceOf(workspace.id)).remaining,
    async close() {
      await kw.close();
      await engine.close();
      plans.remove();
    },
  };
}

/** Lets timers run: SQLite answers synchronously, so a loop of queries alone would starve the worker. */
export const pause = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `GET /v1/async/task/:id` until the task ends (the worker runs in the background). */
export async function waitForTask(world: MonitorWorld, secret: string, id: string): Promise<TaskView> {
  for (;;) {
    const response = await world.kw.keyward.app.inject({ method: "GET", url: `/v1/async/task/${id}`, headers: bearer(secret) });
    const task = response.json<{ task: TaskView }>().task;
    if (task.status === "COMPLETED" || task.status === "FAILED") return task;
    await pause(20);
  }
}
