import type { Kysely } from "kysely";
import { appendChange } from "../store/index.js";
import type { Database } from "../store/schema.js";
import type { RateWindow } from "./rate-window.js";

/** What the request path needs to limit one key: its workspace's plan and its own windows. */
export interface KeyLimitRecord {
  plan: string;
  /** The key's own windows, replacing the plan's; null when it has none. */
  windows: RateWindow[] | null;
}

function parseStoredWindows(text: string): RateWindow[] {
  const parsed = JSON.parse(text) as Array<{ limit: number; seconds: number }>;
  return parsed.map(({ limit, seconds }) => ({ limit: Number(limit), seconds: Number(seconds) }));
}

/**
 * Plans of workspaces and per-key windows in storage. Every change appends a workspace
 * change event in the same transaction, so each process drops what it cached about that
 * workspace's keys (a per-key change is rare enough to share the workspace's event).
 */
export class LimitsStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The key's plan and windows, or null when the workspace does not exist. */
  async keyLimits(keyId: string, workspaceId: string): Promise<KeyLimitRecord | null> {
    const row = await this.db
      .selectFrom("workspaces")
      .leftJoin("key_rate_limits", (join) => join.on("key_rate_limits.key_id", "=", keyId))
      .select(["workspaces.plan", "key_rate_limits.windows"])
      .where("workspaces.id", "=", workspaceId)
      .executeTakeFirst();
    if (!row) return null;
    return { plan: row.plan, windows: row.windows === null ? null : parseStoredWindows(row.windows) };
  }

  /** The plan name stored for a workspace, or null when there is no such workspace. */
  async planOf(workspaceId: string): Promise<string | null> {
    const row = await this.db.selectFrom("workspaces").select("plan").where("id", "=", workspaceId).executeTakeFirst();
    return row?.plan ?? null;
  }

  /** Sets a workspace's plan; false when there is no such workspace. */
  async setPlan(workspaceId: string, plan: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable("workspaces").set({ plan }).where("id", "=", workspaceId).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await appendChange(trx, "workspace", workspaceId);
      return true;
    });
  }

  /** The windows a key has of its own, or null. */
  async keyWindows(keyId: string): Promise<RateWindow[] | null> {
    const row = await this.db.selectFrom("key_rate_limits").select("windows").where("key_id", "=", keyId).executeTakeFirst();
    return row ? parseStoredWindows(row.windows) : null;
  }

  /** Gives a key its own windows, or (null) takes them away so the plan's apply again. */
  async setKeyWindows(keyId: string, workspaceId: string, windows: RateWindow[] | null, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (windows === null) {
        await trx.deleteFrom("key_rate_limits").where("key_id", "=", keyId).execute();
      } else {
        const text = JSON.stringify(windows.map(({ limit, seconds }) => ({ limit, seconds })));
        await trx
          .insertInto("key_rate_limits")
          .values({ key_id: keyId, workspace_id: workspaceId, windows: text, updated_at: now })
          .onConflict((oc) => oc.column("key_id").doUpdateSet({ windows: text, updated_at: now }))
          .execute();
      }
      await appendChange(trx, "workspace", workspaceId);
    });
  }
}
