import type { Kysely, Selectable } from "kysely";
import { newId } from "../keys/index.js";
import type { ConsoleSessionsTable, Database } from "../store/schema.js";
import { generateSecretToken, hashSecretToken } from "./session-token.js";

const DAY_MS = 86_400_000;

/** How long a session lives without use; every use pushes the end out again (sliding). */
export const SESSION_IDLE_MS = 7 * DAY_MS;
/** However active, a session ends this long after sign-in: the password is asked again. */
export const SESSION_MAX_MS = 30 * DAY_MS;
// Sliding the expiry costs a write; once a minute per session is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export interface ConsoleSession {
  id: string;
  userId: string;
  /** The workspace the user last switched to, or null. */
  workspaceId: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
}

function sessionFromRow(row: Selectable<ConsoleSessionsTable>): ConsoleSession {
  return {
    id: row.id,
    userId: row.user_id,
    workspaceId: row.workspace_id,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    expiresAt: Number(row.expires_at),
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/**
 * Dashboard sessions, stored server-side by the SHA-256 of their cookie token so they can
 * be listed and revoked (sign-out, "sign out everywhere") and a database leak signs nobody in.
 *
 * @example
 * const { token } = await sessions.create({ userId, ip: request.ip, userAgent });
 * const session = await sessions.validate(token); // null once expired or revoked
 */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: { userId: string; ip: string | null; userAgent: string | null; workspaceId?: string | null }): Promise<{ token: string; session: ConsoleSession }> {
    const token = generateSecretToken();
    const now = this.now();
    const session: ConsoleSession = {
      id: newId("ses"),
      userId: input.userId,
      workspaceId: input.workspaceId ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + SESSION_IDLE_MS,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    };
    await this.db
      .insertInto("console_sessions")
      .values({
        id: session.id,
        user_id: session.userId,
        token_hash: hashSecretToken(token),
        workspace_id: session.workspaceId,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
        ip: session.ip,
        user_agent: session.userAgent,
      })
      .execute();
    return { token, session };
  }

  /** The live session a cookie token belongs to, its expiry slid forward; null otherwise. */
  async validate(token: string): Promise<ConsoleSession | null> {
    const row = await this.db.selectFrom("console_sessions").selectAll().where("token_hash", "=", hashSecretToken(token)).executeTakeFirst();
    if (!row) return null;
    const session = sessionFromRow(row);
    const now = this.now();
    if (session.expiresAt <= now) {
      await this.db.deleteFrom("console_sessions").where("id", "=", session.id).execute();
      return null;
    }
    if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      session.expiresAt = Math.min(now + SESSION_IDLE_MS, session.createdAt + SESSION_MAX_MS);
      await this.db
        .updateTable("console_sessions")
        .set({ last_seen_at: session.lastSeenAt, expires_at: session.expiresAt })
        .where("id", "=", session.id)
        .execute();
    }
    return session;
  }

  /** The user's live sessions, newest first. */
  async list(userId: string): Promise<ConsoleSession[]> {
    const rows = await this.db
      .selectFrom("console_sessions")
      .selectAll()
      .where("user_id", "=", userId)
      .where("expires_at", ">", this.now())
      .orderBy("created_at", "desc")
      .execute();
    return rows.map(sessionFromRow);
  }

  /** Ends one of the user's sessions; false when it was not theirs or is already gone. */
  async revoke(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db.deleteFrom("console_sessions").where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Ends every session of the user, except `keepSessionId` when given; returns how many ended. */
  async revokeAll(userId: string, keepSessionId?: string): Promise<number> {
    let query = this.db.deleteFrom("console_sessions").where("user_id", "=", userId);
    if (keepSessionId !== undefined) query = query.where("id", "!=", keepSessionId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async setWorkspace(sessionId: string, workspaceId: string): Promise<void> {
    await this.db.updateTable("console_sessions").set({ workspace_id: workspaceId }).where("id", "=", sessionId).execute();
  }

  /** Deletes sessions past their end (they are refused anyway; this keeps the table small). */
  async pruneExpired(): Promise<void> {
    await this.db.deleteFrom("console_sessions").where("expires_at", "<=", this.now()).execute();
  }
}
