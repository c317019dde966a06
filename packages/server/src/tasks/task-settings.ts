import { readInteger } from "../config/index.js";

export interface TaskSettings {
  /** Tasks one instance runs at once (`KEYWARD_TASK_CONCURRENCY`, default 4; 0 turns the worker off). */
  concurrency: number;
  /** How long a claim holds before another instance takes the task over (`KEYWARD_TASK_LEASE_MS`, default 5 minutes). */
  leaseMs: number;
  /** Pause between looks at an empty queue (`KEYWARD_TASK_POLL_MS`, default 1 s). */
  pollMs: number;
}

/** @example const settings = readTaskSettings(process.env); */
export function readTaskSettings(env: NodeJS.ProcessEnv): TaskSettings {
  return {
    concurrency: readInteger(env, "KEYWARD_TASK_CONCURRENCY", 4, 0, 1_000),
    leaseMs: readInteger(env, "KEYWARD_TASK_LEASE_MS", 300_000, 1_000, 86_400_000),
    pollMs: readInteger(env, "KEYWARD_TASK_POLL_MS", 1_000, 10, 60_000),
  };
}
