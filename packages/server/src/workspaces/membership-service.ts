import type { Kysely, Transaction } from "kysely";
import type { Actor, AuditRecorder } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { appendChange } from "../store/index.js";
import { workspaceFromRow } from "../store/row-mapping.js";
import type { Database } from "../store/schema.js";
import { countOwners, emailOf, insertMembership, readRoles } from "./membership-queries.js";
import { decideMembershipChange, type MembershipChange } from "./membership-rules.js";
import type { MemberView, MembershipRecord, UserWorkspace } from "./people-records.js";
import type { Role } from "./roles.js";
import { lockWorkspace, workspaceNotFound, type WorkspaceChangeListener } from "./workspace-changes.js";

export interface PeopleServiceOptions {
  /** Where member, invitation and subscription changes are recorded. */
  audit?: AuditRecorder | undefined;
  /** Drops this process's cached access for a workspace once a change commits. */
  onWorkspaceChanged?: WorkspaceChangeListener | undefined;
  now?: (() => number) | undefined;
}

/**
 * Who belongs to which workspace, with which role. Every change runs in one transaction
 * that locks the workspace, checks the rules (membership-rules.ts: managers only, at
 * least one owner), writes, appends a `workspace` change event for other processes'
 * caches, and writes its audit entry.
 *
 * @example
 * await members.add(workspace.id, user.id, "member", CLI_ACTOR);
 * await members.setRole(workspace.id, user.id, "viewer", userActor(ownerId, request.ip));
 * await members.list(workspace.id); // [{ userId, email, displayName, role, joinedAt }]
 */
export class MembershipService {
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: PeopleServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async add(workspaceId: string, userId: string, role: Role, actor: Actor): Promise<MembershipRecord> {
    const membership: MembershipRecord = { workspaceId, userId, role, createdAt: this.now() };
    await this.change(workspaceId, userId, actor, { kind: "add", role }, async (trx, email) => {
      if (email === null) throw new ApiError("not_found", { message: `User not found: ${userId.slice(0, 64)}` });
      await insertMembership(trx, membership);
      return { action: "member.added", metadata: { email, role } };
    });
    return membership;
  }

  async remove(workspaceId: string, userId: string, actor: Actor): Promise<void> {
    await this.change(workspaceId, userId, actor, { kind: "remove" }, async (trx, email, from) => {
      await trx.deleteFrom("memberships").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
      return { action: "member.removed", metadata: { email, role: from } };
    });
  }

  async setRole(workspaceId: string, userId: string, role: Role, actor: Actor): Promise<MembershipRecord> {
    await this.change(workspaceId, userId, actor, { kind: "set_role", role }, async (trx, email, from) => {
      await trx
        .updateTable("memberships")
        .set({ role })
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .execute();
      return { action: "member.role_changed", metadata: { email, from, to: role } };
    });
    const row = await this.db
      .selectFrom("memberships")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return { workspaceId, userId, role: row.role as Role, createdAt: Number(row.created_at) };
  }

  /** A workspace's members, owners first, then by when they joined. */
  async list(workspaceId: string): Promise<MemberView[]> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id as user_id", "users.email", "users.display_name", "memberships.role", "memberships.created_at"])
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("memberships.created_at")
      .orderBy("users.email")
      .execute();
    const rank = (role: string) => ["owner", "admin", "member", "viewer"].indexOf(role);
    return rows
      .map((row) => ({
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role as Role,
        joinedAt: Number(row.created_at),
      }))
      .sort((a, b) => rank(a.role) - rank(b.role) || a.joinedAt - b.joinedAt);
  }

  /** The workspaces a user belongs to, by slug. */
  async listWorkspacesOf(userId: string): Promise<UserWorkspace[]> {
    const rows = await this.db
      .selectFrom("memberships")
      .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
      .selectAll("workspaces")
      .select(["memberships.role as member_role", "memberships.created_at as joined_at"])
      .where("memberships.user_id", "=", userId)
      .orderBy("workspaces.slug")
      .execute();
    return rows.map(({ member_role, joined_at, ...workspace }) => ({
      workspace: workspaceFromRow(workspace),
      role: member_role as Role,
      joinedAt: Number(joined_at),
    }));
  }

  async roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    return (await readRoles(this.db, workspaceId, [userId])).get(userId) ?? null;
  }

  /** The workspace's first owner, or null: whom the CLI creates keys on behalf of. */
  async ownerOf(workspaceId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("role", "=", "owner")
      .orderBy("created_at")
      .orderBy("user_id")
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  private async change(
    workspaceId: string,
    userId: string,
    actor: Actor,
    change: MembershipChange,
    write: (
      trx: Transaction<Database>,
      email: string | null,
      from: Role | null,
    ) => Promise<{ action: "member.added" | "member.removed" | "member.role_changed"; metadata: Record<string, unknown> }>,
  ): Promise<void> {
    const changed = await this.db.transaction().execute(async (trx) => {
      if (!(await lockWorkspace(trx, workspaceId))) throw workspaceNotFound(workspaceId);
      const actorIds = actor.type === "user" && actor.id !== null ? [actor.id] : [];
      const roles = await readRoles(trx, workspaceId, [userId, ...actorIds]);
      const targetRole = roles.get(userId) ?? null;
      const facts = {
        actor,
        actorRole: actorIds[0] !== undefined ? (roles.get(actorIds[0]) ?? null) : null,
        targetUserId: userId,
        targetRole,
        ownerCount: targetRole === "owner" ? await countOwners(trx, workspaceId) : 0,
      };
      if (!decideMembershipChange(facts, change)) return false;
      const entry = await write(trx, await emailOf(trx, userId), targetRole);
      await appendChange(trx, "workspace", workspaceId);
      await this.options.audit?.record(
        { workspaceId, actor, action: entry.action, target: { type: "user", id: userId }, metadata: entry.metadata },
        trx,
      );
      return true;
    });
    if (changed) this.options.onWorkspaceChanged?.(workspaceId);
  }
}
