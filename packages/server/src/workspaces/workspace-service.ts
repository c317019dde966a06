import type { Kysely } from "kysely";
import { SYSTEM_ACTOR, type Actor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { newId } from "../keys/index.js";
import { appendChange, UniqueViolationError, type Store, type SubscriptionStatus, type WorkspaceRecord } from "../store/index.js";
import { isUniqueViolation, workspaceFromRow, workspaceToRow } from "../store/row-mapping.js";
import type { Database } from "../store/schema.js";
import { insertMembership } from "./membership-queries.js";
import type { PeopleServiceOptions } from "./membership-service.js";
import { workspaceNotFound } from "./workspace-changes.js";

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = ["active", "past_due", "canceled"];

export function isSubscriptionStatus(value: string): value is SubscriptionStatus {
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);
}

/** Checks a workspace slug: 1–40 lower-case letters, digits and inner hyphens. */
export function validateWorkspaceSlug(slug: string): string {
  if (!SLUG_PATTERN.test(slug)) {
    throw new ApiError("validation_error", {
      message: "slug must be 1-40 lower-case letters, digits or hyphens, starting and ending with a letter or digit",
      details: [{ field: "slug", message: "is invalid" }],
    });
  }
  return slug;
}

function validateWorkspaceName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 100) {
    throw new ApiError("validation_error", {
      message: "name must be 1-100 characters",
      details: [{ field: "name", message: "must be 1-100 characters" }],
    });
  }
  return name;
}

export interface WorkspaceServiceOptions extends PeopleServiceOptions {
  /** The query builder over the store's database; defaults to the store's own. */
  db?: Kysely<Database> | undefined;
}

/**
 * Workspaces: creating them (optionally with their first owner) and their subscription.
 * A subscription change reaches every process's access cache through a `workspace`
 * change event written in the same transaction.
 *
 * @example
 * const acme = await workspaces.create({ slug: "acme", name: "Acme Inc", ownerUserId: ada.id }, userActor(ada.id));
 * await workspaces.setSubscription(acme.id, "past_due", CLI_ACTOR); // its keys now answer 403
 */
export class WorkspaceService {
  private readonly db: Kysely<Database> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly options: WorkspaceServiceOptions = {},
  ) {
    this.db = options.db ?? (store as { db?: Kysely<Database> }).db;
    this.now = options.now ?? Date.now;
  }

  /** Creates a workspace; with `ownerUserId`, that user becomes its owner in the same transaction. */
  async create(
    input: { slug: string; name?: string | undefined; ownerUserId?: string | undefined },
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<WorkspaceRecord> {
    const slug = validateWorkspaceSlug(input.slug);
    const workspace: WorkspaceRecord = {
      id: newId("ws"),
      slug,
      name: validateWorkspaceName(input.name ?? slug),
      visibility: "private",
      subscriptionStatus: "active",
      plan: "free",
      createdAt: this.now(),
    };
    try {
      if (this.db === undefined) await this.store.createWorkspace(workspace);
      else await this.insertWithOwner(this.db, workspace, input.ownerUserId ?? null, actor);
    } catch (error) {
      if (error instanceof UniqueViolationError || isUniqueViolation(error)) {
        throw new ApiError("conflict", { message: `Workspace "${slug}" already exists` });
      }
      throw error;
    }
    return workspace;
  }

  async getBySlug(slug: string): Promise<WorkspaceRecord> {
    const workspace = await this.store.findWorkspaceBySlug(slug);
    if (!workspace) throw new ApiError("not_found", { message: `Workspace not found: ${slug.slice(0, 64)}` });
    return workspace;
  }

  async getById(id: string): Promise<WorkspaceRecord> {
    const workspace = await this.store.findWorkspaceById(id);
    if (!workspace) throw workspaceNotFound(id);
    return workspace;
  }

  list(): Promise<WorkspaceRecord[]> {
    return this.store.listWorkspaces();
  }

  /**
   * Sets the subscription status. Anything but `active` makes every key of the workspace
   * answer 403 on its next request, in every process. Setting the current status again
   * changes nothing and writes nothing.
   */
  async setSubscription(workspaceId: string, status: SubscriptionStatus, actor: Actor): Promise<WorkspaceRecord> {
    if (!isSubscriptionStatus(status)) {
      throw new ApiError("validation_error", {
        message: `status must be one of ${SUBSCRIPTION_STATUSES.join(", ")}`,
        details: [{ field: "status", message: "is not a subscription status" }],
      });
    }
    const db = this.requireDb();
    const result = await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("workspaces").selectAll().where("id", "=", workspaceId).executeTakeFirst();
      if (!row) throw workspaceNotFound(workspaceId);
      const before = workspaceFromRow(row);
      if (before.subscriptionStatus === status) return { workspace: before, changed: false };
      await trx.updateTable("workspaces").set({ subscription_status: status }).where("id", "=", workspaceId).execute();
      await appendChange(trx, "workspace", workspaceId);
      await this.options.audit?.record(
        {
          workspaceId,
          actor,
          action: "workspace.subscription_changed",
          target: { type: "workspace", id: workspaceId },
          metadata: { from: before.subscriptionStatus, to: status },
        },
        trx,
      );
      return { workspace: { ...before, subscriptionStatus: status }, changed: true };
    });
    if (result.changed) this.options.onWorkspaceChanged?.(workspaceId);
    return result.workspace;
  }

  private async insertWithOwner(db: Kysely<Database>, workspace: WorkspaceRecord, ownerUserId: string | null, actor: Actor) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("workspaces").values(workspaceToRow(workspace)).execute();
      if (ownerUserId !== null) {
        const owner = await trx.selectFrom("users").select("email").where("id", "=", ownerUserId).executeTakeFirst();
        if (!owner) throw new ApiError("not_found", { message: `User not found: ${ownerUserId.slice(0, 64)}` });
        await insertMembership(trx, { workspaceId: workspace.id, userId: ownerUserId, role: "owner", createdAt: workspace.createdAt });
      }
      await this.options.audit?.record(
        {
          workspaceId: workspace.id,
          actor,
          action: "workspace.created",
          target: { type: "workspace", id: workspace.id },
          metadata: { slug: workspace.slug, name: workspace.name, ownerUserId },
        },
        trx,
      );
    });
  }

  private requireDb(): Kysely<Database> {
    // Every store Keyward ships exposes its query builder; this is a wiring mistake.
    if (this.db === undefined) throw new Error("WorkspaceService needs the database (options.db) for this operation");
    return this.db;
  }
}

export function presentWorkspace(workspace: WorkspaceRecord) {
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    visibility: workspace.visibility,
    subscriptionStatus: workspace.subscriptionStatus,
    plan: workspace.plan,
    createdAt: new Date(workspace.createdAt).toISOString(),
  };
}
