import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/schema.js";
import type { MembershipRecord } from "./people-records.js";
import type { Role } from "./roles.js";

type Executor = Kysely<Database> | Transaction<Database>;

/** The role of each of `userIds` that is a member of the workspace. */
export async function readRoles(db: Executor, workspaceId: string, userIds: readonly string[]): Promise<Map<string, Role>> {
  const roles = new Map<string, Role>();
  if (userIds.length === 0) return roles;
  const rows = await db
    .selectFrom("memberships")
    .select(["user_id", "role"])
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "in", [...new Set(userIds)])
    .execute();
  for (const row of rows) roles.set(row.user_id, row.role as Role);
  return roles;
}

export async function countOwners(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll().as("owners"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .executeTakeFirst();
  return Number(row?.owners ?? 0);
}

export async function insertMembership(db: Executor, membership: MembershipRecord): Promise<void> {
  await db
    .insertInto("memberships")
    .values({
      workspace_id: membership.workspaceId,
      user_id: membership.userId,
      role: membership.role,
      created_at: membership.createdAt,
    })
    .execute();
}

/** The email of a user, for audit entries that name who was added or removed. */
export async function emailOf(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst();
  return row?.email ?? null;
}
