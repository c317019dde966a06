import type { Kysely, Selectable, Transaction } from "kysely";
import { ApiError } from "../errors/index.js";
import { encodeBase62, generateRandomBase62 } from "../keys/index.js";
import { decodePositionCursor, encodePositionCursor } from "../pagination/position-cursor.js";
import type { AuditEntriesTable, Database } from "../store/schema.js";
import type { Actor, ActorType } from "./actor.js";
import type { AuditAction, AuditTargetType } from "./audit-actions.js";
import { assertNoSecrets } from "./metadata-guard.js";

export interface AuditTarget {
  type: AuditTargetType;
  id: string;
}

/** One thing that happened. Entries are never changed or deleted. */
export interface AuditEntry {
  id: string;
  /** Null only for events that belong to no workspace (a sign-in of a user with none). */
  workspaceId: string | null;
  actor: { type: ActorType; id: string | null };
  action: AuditAction;
  target: AuditTarget | null;
  ip: string | null;
  metadata: Record<string, unknown>;
  createdAt: number;
}

export interface AuditRecordInput {
  workspaceId: string | null;
  actor: Actor;
  action: AuditAction;
  target?: AuditTarget | null;
  /** Names, old and new values, counts: never a secret (checked, see assertNoSecrets). */
  metadata?: Record<string, unknown>;
}

export interface AuditListOptions {
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  /** Unix ms, inclusive. */
  from?: number | undefined;
  /** Unix ms, exclusive. */
  to?: number | undefined;
  /** 1–200, default 50. */
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  cursor: string | null;
  hasMore: boolean;
}

/** Anything entries can be written through: the database or an open transaction. */
export type AuditExecutor = Kysely<Database> | Transaction<Database>;

/** The part of the log services write to; tests and optional wiring can pass a fake. */
export interface AuditRecorder {
  record(input: AuditRecordInput, executor?: AuditExecutor): Promise<AuditEntry>;
}

export const MAX_AUDIT_PAGE = 200;

let lastMillisecond = -1;
let sequence = 0;

/**
 * `aud_` + 22 base62 characters that sort like the entries were written: the millisecond
 * (8), a counter within it (4), then randomness (10). Pages are ordered by (created_at, id),
 * so entries written in the same millisecond by one process still list in their real order.
 */
function newAuditId(at: number): string {
  sequence = at === lastMillisecond ? sequence + 1 : 0;
  lastMillisecond = at;
  return `aud_${encodeBase62(at, 8)}${encodeBase62(sequence % 62 ** 4, 4)}${generateRandomBase62(10)}`;
}

function entryFromRow(row: Selectable<AuditEntriesTable>): AuditEntry {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    actor: { type: row.actor_type as ActorType, id: row.actor_id },
    action: row.action as AuditAction,
    target: row.target_type !== null && row.target_id !== null ? { type: row.target_type as AuditTargetType, id: row.target_id } : null,
    ip: row.ip,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    createdAt: Number(row.created_at),
  };
}

/**
 * The append-only audit log: who did what to which thing, when and from where. There is
 * no update or delete (the database refuses them too, see migration 0002). Services write
 * through `record`, inside their own transaction when they have one, so a change and its
 * entry commit together.
 *
 * @example
 * await audit.record({ workspaceId, actor: keyActor(key.id, request.ip), action: "key.revoked", target: { type: "key", id } });
 * const page = await audit.list(workspaceId, { action: "key.revoked", limit: 50 });
 */
export class AuditLog implements AuditRecorder {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async record(input: AuditRecordInput, executor: AuditExecutor = this.db): Promise<AuditEntry> {
    const metadata = input.metadata ?? {};
    assertNoSecrets(metadata);
    const createdAt = this.now();
    const entry: AuditEntry = {
      id: newAuditId(createdAt),
      workspaceId: input.workspaceId,
      actor: { type: input.actor.type, id: input.actor.id },
      action: input.action,
      target: input.target ?? null,
      ip: input.actor.ip,
      metadata,
      createdAt,
    };
    await executor
      .insertInto("audit_entries")
      .values({
        id: entry.id,
        workspace_id: entry.workspaceId,
        actor_type: entry.actor.type,
        actor_id: entry.actor.id,
        action: entry.action,
        target_type: entry.target?.type ?? null,
        target_id: entry.target?.id ?? null,
        ip: entry.ip,
        metadata: JSON.stringify(metadata),
        created_at: entry.createdAt,
      })
      .execute();
    return entry;
  }

  /**
   * A sign-in, written once into each workspace the user belongs to so every workspace's
   * log shows its members' sign-ins (once with no workspace when there is none).
   */
  async recordSignIn(input: { userId: string; ip: string | null; workspaceIds: readonly string[] }): Promise<void> {
    const actor: Actor = { type: "user", id: input.userId, ip: input.ip };
    const workspaces = input.workspaceIds.length > 0 ? input.workspaceIds : [null];
    await this.db.transaction().execute(async (trx) => {
      for (const workspaceId of workspaces) {
        await this.record({ workspaceId, actor, action: "user.signed_in", target: { type: "user", id: input.userId } }, trx);
      }
    });
  }

  /** A workspace's entries, newest first, filtered, one page at a time. */
  async list(workspaceId: string, options: AuditListOptions = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), MAX_AUDIT_PAGE);
    if (options.from !== undefined && options.to !== undefined && options.from >= options.to) {
      throw new ApiError("validation_error", {
        message: "from must be before to",
        details: [{ field: "from", message: "must be before to" }],
      });
    }
    let query = this.db.selectFrom("audit_entries").selectAll().where("workspace_id", "=", workspaceId);
    if (options.action !== undefined) query = query.where("action", "=", options.action);
    if (options.actorId !== undefined) query = query.where("actor_id", "=", options.actorId);
    if (options.from !== undefined) query = query.where("created_at", ">=", options.from);
    if (options.to !== undefined) query = query.where("created_at", "<", options.to);
    if (options.cursor !== undefined) {
      const after = decodePositionCursor(options.cursor);
      query = query.where((eb) =>
        eb.or([
          eb("created_at", "<", after.createdAt),
          eb.and([eb("created_at", "=", after.createdAt), eb("id", "<", after.id)]),
        ]),
      );
    }
    const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
    const hasMore = rows.length > limit;
    const entries = (hasMore ? rows.slice(0, limit) : rows).map(entryFromRow);
    const last = entries.at(-1);
    return { entries, hasMore, cursor: hasMore && last ? encodePositionCursor(last) : null };
  }
}

/** An entry as the dashboard and CLI show it (ISO timestamps). */
export function presentAuditEntry(entry: AuditEntry) {
  return { ...entry, createdAt: new Date(entry.createdAt).toISOString() };
}

export type PresentedAuditEntry = ReturnType<typeof presentAuditEntry>;
