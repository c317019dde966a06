import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { Scope } from "../auth/index.js";
import { loadConfig, type KeywardConfig } from "../config/index.js";
import type { KeyEnvironment } from "../keys/index.js";
import { createKeyward, type Keyward } from "../runtime/create-keyward.js";
import type { WorkspaceRecord } from "../store/index.js";
import { SYSTEM_ACTOR } from "../audit/index.js";
import { WorkspaceService, type Role, type UserRecord } from "../workspaces/index.js";
import { createTestSchema, testDatabaseUrl } from "./postgres-schema.js";

export interface TestKeyward {
  keyward: Keyward;
  config: KeywardConfig;
  dataDir: string;
  /** Every log line the app wrote, for tests that prove secrets stay out of logs. */
  logs: () => string;
  createWorkspace(slug?: string): Promise<WorkspaceRecord>;
  /** Creates a key in a workspace and returns its secret. */
  issueKey(
    workspace: WorkspaceRecord,
    options?: { scopes?: Scope[]; environment?: KeyEnvironment; expiresAt?: number | null; createdBy?: string | null },
  ): Promise<{ id: string; secret: string }>;
  /** Creates a user (no password: fast) and makes them a member of the workspace with a role. */
  addMember(workspace: WorkspaceRecord, role: Role, email?: string): Promise<UserRecord>;
  close(): Promise<void>;
}

/** A Keyward on a fresh SQLite data dir, for `app.inject` tests. */
export async function startTestKeyward(env: Record<string, string> = {}): Promise<TestKeyward> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-test-"));
  const postgresUrl = testDatabaseUrl();
  const schema = postgresUrl && env.DATABASE_URL === undefined ? await createTestSchema(postgresUrl) : undefined;
  const config = loadConfig({
    KEYWARD_DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...(schema ? { DATABASE_URL: schema.url } : {}),
    ...env,
  });
  const logStream = new PassThrough();
  let logText = "";
  logStream.on("data", (chunk: Buffer) => {
    logText += chunk.toString("utf8");
  });
  // Monitor engines come from `env` only, so a developer's KEYWARD_ENGINE_* never reaches a test.
  const keyward = await createKeyward(config, { logStream, monitorEnv: env, monitorRetryDelayMs: 0 });
  const workspaces = new WorkspaceService(keyward.store);
  let counter = 0;
  return {
    keyward,
    config,
    dataDir,
    logs: () => logText,
    createWorkspace: (slug) => workspaces.create({ slug: slug ?? `ws-${++counter}` }),
    async issueKey(workspace, options = {}) {
      const issued = await keyward.keys.create({
        workspaceId: workspace.id,
        name: "Test key",
        environment: options.environment ?? "live",
        scopes: options.scopes ?? ["prompts:read", "prompts:list", "monitor:run"],
        expiresAt: options.expiresAt ?? null,
        createdBy: options.createdBy ?? null,
      });
      return { id: issued.record.id, secret: issued.secret };
    },
    async addMember(workspace, role, email) {
      const user = await keyward.people.users.create({ email: email ?? `user-${++counter}@example.com` });
      await keyward.people.memberships.add(workspace.id, user.id, role, SYSTEM_ACTOR);
      return user;
    },
    async close() {
      await keyward.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(secret: string): { authorization: string } {
  return { authorization: `Bearer ${secret}` };
}
