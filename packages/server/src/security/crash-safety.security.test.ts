import Database from "better-sqlite3";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashApiKey } from "../keys/index.js";
import { ROOMY_PLAN, writePlansFile } from "../test-support/plans-file.js";
import { runCliJson, startServerProcess, tempDataDir, type ServerProcess } from "../test-support/processes.js";

const CREATIONS = 1_000;
// Kill once this many creations were answered: the rest are in flight or not yet sent.
const KILL_AFTER = 300;

interface KeyRow {
  id: string;
  key_hash: string;
  hint: string;
  workspace_id: string;
  name: string;
  scopes: string;
  created_at: number | bigint;
}

describe("crash safety", () => {
  let data: ReturnType<typeof tempDataDir>;
  let plans: ReturnType<typeof writePlansFile>;
  let server: ServerProcess | undefined;
  beforeEach(() => {
    data = tempDataDir();
    plans = writePlansFile({ free: { ...ROOMY_PLAN, rateLimits: [], concurrency: 10_000 } });
  });
  afterEach(async () => {
    await server?.stop("SIGKILL");
    data.remove();
    plans.remove();
  });

  it(`kill -9 during ${CREATIONS} key creations: every key answered 201 verifies after restart, and no key is half-written`, async () => {
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    const admin = await runCliJson<{ key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Admin", "--scopes", "keys:write,keys:read"]);
    const env = { KEYWARD_PLANS_FILE: plans.file, KEYWARD_IP_RATE_LIMITS: "off" };
    server = await startServerProcess(data.dir, env);
    const url = server.url;
    const answered: string[] = [];
    const statuses: Record<number, number> = {};
    let killed: Promise<number | null> | undefined;
    const creations = Array.from({ length: CREATIONS }, (_, index) =>
      fetch(`${url}/v1/keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin.key}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `Crash ${index}`, scopes: ["keys:read"] }),
      })
        .then(async (response) => {
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status !== 201) return;
          const created = (await response.json()) as { key: string };
          answered.push(created.key);
          if (answered.length === KILL_AFTER) killed = server!.stop("SIGKILL");
        })
        .catch(() => {
          // The connection died with the server: never answered, so it promised nothing.
        }),
    );
    await Promise.all(creations);
    expect(killed, `the server was killed while creations were in flight: ${JSON.stringify(statuses)}`).toBeDefined();
    await killed;
    const promised = [...answered];
    expect(promised.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(promised.length).toBeLessThan(CREATIONS);

    server = await startServerProcess(data.dir, env);
    for (const secret of promised) {
      const response = await fetch(`${server.url}/v1/health`, { headers: { authorization: `Bearer ${secret}` } });
      expect(response.status, "a key answered 201 before the crash must verify after it").toBe(200);
    }
    await server.stop("SIGTERM");
    server = undefined;

    const db = new Database(path.join(data.dir, "keyward.db"), { readonly: true });
    try {
      const rows = db.prepare("SELECT id, key_hash, hint, workspace_id, name, scopes, created_at FROM api_keys").all() as KeyRow[];
      const hashes = new Set(rows.map((row) => row.key_hash));
      for (const secret of promised) expect(hashes.has(hashApiKey(secret))).toBe(true);
      for (const row of rows) {
        expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.hint).toMatch(/^sk_(live|test)_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/);
        expect(row.name.length).toBeGreaterThan(0);
        expect(Array.isArray(JSON.parse(row.scopes))).toBe(true);
      }
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const unaudited = db
        .prepare("SELECT COUNT(*) AS n FROM api_keys k WHERE NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.target_id = k.id AND a.action = 'key.created')")
        .get() as { n: number };
      console.log(`crash safety: ${promised.length} keys answered 201, ${rows.length - 1} stored, ${unaudited.n} without a key.created audit entry`);
    } finally {
      db.close();
    }
  }, 180_000);
});
