import { createHash } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Actor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { generateRandomBase62, newId } from "../keys/index.js";
import { appendChange, type WorkspaceRecord } from "../store/index.js";
import { workspaceFromRow } from "../store/row-mapping.js";
import type { Database, InvitationsTable } from "../store/schema.js";
import { normalizeEmail } from "./email.js";
import { emailOf, insertMembership, readRoles } from "./membership-queries.js";
import { assertMayManage } from "./membership-rules.js";
import type { PeopleServiceOptions } from "./membership-service.js";
import type { InvitationRecord, InvitationStatus, MembershipRecord } from "./people-records.js";
import type { Role } from "./roles.js";
import { lockWorkspace, workspaceNotFound } from "./workspace-changes.js";

export const INVITATION_TTL_MS = 7 * 86_400_000;
const TOKEN_PREFIX = "kwinv_";

function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function invitationFromRow(row: Selectable<InvitationsTable>): InvitationRecord {
  const optional = (value: number | null) => (value === null ? null : Number(value));
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    role: row.role as Role,
    invitedBy: row.invited_by,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    acceptedAt: optional(row.accepted_at),
    acceptedBy: row.accepted_by,
    revokedAt: optional(row.revoked_at),
  };
}

export function invitationStatus(invitation: InvitationRecord, now: number): InvitationStatus {
  if (invitation.acceptedAt !== null) return "accepted";
  if (invitation.revokedAt !== null) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

const REFUSALS: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation has already been used",
  revoked: "This invitation was revoked; ask for a new one",
  expired: "This invitation has expired; ask for a new one",
};

/** An invitation with its token: the token exists only in this value. */
export interface IssuedInvitation {
  invitation: InvitationRecord;
  token: string;
}

/**
 * Invitations into a workspace: an owner or admin invites an email with a role and gets a
 * single-use token (shown once, stored as SHA-256) that expires after 7 days. The person
 * signed in with that email accepts it and becomes a member.
 *
 * @example
 * const { token } = await invitations.create(workspace.id, "bob@example.com", "viewer", userActor(ownerId, ip));
 * // later, signed in as bob:
 * await invitations.accept(token, bob.id);
 */
export class InvitationService {
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: PeopleServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  async create(workspaceId: string, rawEmail: string, role: Role, actor: Actor): Promise<IssuedInvitation> {
    const email = normalizeEmail(rawEmail);
    const token = `${TOKEN_PREFIX}${generateRandomBase62(40)}`;
    const now = this.now();
    const invitation: InvitationRecord = {
      id: newId("inv"),
      workspaceId,
      email,
      role,
      invitedBy: actor.type === "user" ? actor.id : null,
      createdAt: now,
      expiresAt: now + INVITATION_TTL_MS,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await lockWorkspace(trx, workspaceId))) throw workspaceNotFound(workspaceId);
      const actorRole = await this.actorRole(trx, workspaceId, actor);
      assertMayManage(actor, actorRole, null, role);
      const member = await trx
        .selectFrom("memberships")
        .innerJoin("users", "users.id", "memberships.user_id")
        .select("users.id")
        .where("memberships.workspace_id", "=", workspaceId)
        .where("users.email", "=", email)
        .executeTakeFirst();
      if (member) throw new ApiError("conflict", { message: `${email} is already a member of this workspace` });
      await trx
        .insertInto("invitations")
        .values({
          id: invitation.id,
          workspace_id: workspaceId,
          email,
          role,
          token_hash: hashInvitationToken(token),
          invited_by: invitation.invitedBy,
          created_at: now,
          expires_at: invitation.expiresAt,
          accepted_at: null,
          accepted_by: null,
          revoked_at: null,
        })
        .execute();
      await this.options.audit?.record(
        { workspaceId, actor, action: "member.invited", target: { type: "invitation", id: invitation.id }, metadata: { email, role } },
        trx,
      );
    });
    return { invitation, token };
  }

  /** What an invitation link leads to, for the page that accepts it; null for an unknown token. */
  async peek(token: string): Promise<{ invitation: InvitationRecord; workspace: WorkspaceRecord; status: InvitationStatus } | null> {
    const row = await this.db
      .selectFrom("invitations")
      .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
      .selectAll("invitations")
      .select([
        "workspaces.slug",
        "workspaces.name",
        "workspaces.visibility",
        "workspaces.subscription_status",
        "workspaces.plan",
        "workspaces.created_at as workspace_created_at",
      ])
      .where("invitations.token_hash", "=", hashInvitationToken(token))
      .executeTakeFirst();
    if (!row) return null;
    const invitation = invitationFromRow(row);
    const workspace = workspaceFromRow({ ...row, id: row.workspace_id, created_at: row.workspace_created_at });
    return { invitation, workspace, status: invitationStatus(invitation, this.now()) };
  }

  /**
   * Makes the user a member with the invited role. Fails with a clear error when the token is
   * unknown (not_found), already used, revoked or expired (conflict), or meant for another
   * email (forbidden): the link alone must not let anyone who sees it in.
   */
  async accept(token: string, userId: string): Promise<MembershipRecord> {
    const tokenHash = hashInvitationToken(token);
    const now = this.now();
    const membership = await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
      if (!row) throw new ApiError("not_found", { message: "Invitation not found" });
      const invitation = invitationFromRow(row);
      if (!(await lockWorkspace(trx, invitation.workspaceId))) throw new ApiError("not_found", { message: "Invitation not found" });
      const status = invitationStatus(invitation, now);
      if (status !== "pending") throw new ApiError("conflict", { message: REFUSALS[status] });
      const email = await emailOf(trx, userId);
      if (email === null) throw new ApiError("not_found", { message: `User not found: ${userId.slice(0, 64)}` });
      if (email !== invitation.email) throw new ApiError("forbidden", { message: "This invitation is for a different email address" });
      if ((await readRoles(trx, invitation.workspaceId, [userId])).has(userId)) {
        throw new ApiError("conflict", { message: "You are already a member of this workspace" });
      }
      // Conditional, so two accepts racing on PostgreSQL cannot both pass.
      const used = await trx
        .updateTable("invitations")
        .set({ accepted_at: now, accepted_by: userId })
        .where("id", "=", invitation.id)
        .where("accepted_at", "is", null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new ApiError("conflict", { message: REFUSALS.accepted });
      const record: MembershipRecord = { workspaceId: invitation.workspaceId, userId, role: invitation.role, createdAt: now };
      await insertMembership(trx, record);
      await appendChange(trx, "workspace", invitation.workspaceId);
      await this.options.audit?.record(
        {
          workspaceId: invitation.workspaceId,
          actor: { type: "user", id: userId, ip: null },
          action: "member.added",
          target: { type: "user", id: userId },
          metadata: { email, role: invitation.role, invitationId: invitation.id },
        },
        trx,
      );
      return record;
    });
    this.options.onWorkspaceChanged?.(membership.workspaceId);
    return membership;
  }

  /** Invitations not yet accepted, revoked or expired, newest first. */
  async listPending(workspaceId: string): Promise<InvitationRecord[]> {
    const rows = await this.db
      .selectFrom("invitations")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", this.now())
      .orderBy("created_at", "desc")
      .execute();
    return rows.map(invitationFromRow);
  }

  /** Withdraws a pending invitation; its token stops working at once. */
  async revoke(workspaceId: string, invitationId: string, actor: Actor): Promise<InvitationRecord> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("invitations")
        .selectAll()
        .where("id", "=", invitationId)
        .where("workspace_id", "=", workspaceId)
        .executeTakeFirst();
      if (!row) throw new ApiError("not_found", { message: `Invitation not found: ${invitationId.slice(0, 64)}` });
      const invitation = invitationFromRow(row);
      assertMayManage(actor, await this.actorRole(trx, workspaceId, actor), null, invitation.role);
      const status = invitationStatus(invitation, this.now());
      if (status !== "pending") throw new ApiError("conflict", { message: `Invitation is ${status} and cannot be revoked` });
      const revokedAt = this.now();
      await trx.updateTable("invitations").set({ revoked_at: revokedAt }).where("id", "=", invitationId).execute();
      await this.options.audit?.record(
        {
          workspaceId,
          actor,
          action: "member.invitation_revoked",
          target: { type: "invitation", id: invitationId },
          metadata: { email: invitation.email, role: invitation.role },
        },
        trx,
      );
      return { ...invitation, revokedAt };
    });
  }

  private async actorRole(trx: Kysely<Database>, workspaceId: string, actor: Actor): Promise<Role | null> {
    if (actor.type !== "user" || actor.id === null) return null;
    return (await readRoles(trx, workspaceId, [actor.id])).get(actor.id) ?? null;
  }
}
