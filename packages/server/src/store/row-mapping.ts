import type { Insertable, Selectable } from "kysely";
import type { KeyEnvironment } from "../keys/index.js";
import type { KeyRecord, SubscriptionStatus, WorkspaceRecord } from "./records.js";
import type { ApiKeysTable, WorkspacesTable } from "./schema.js";

export function workspaceFromRow(row: Selectable<WorkspacesTable>): WorkspaceRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    visibility: row.visibility,
    subscriptionStatus: row.subscription_status as SubscriptionStatus,
    plan: row.plan,
    createdAt: Number(row.created_at),
  };
}

export function workspaceToRow(workspace: WorkspaceRecord): Selectable<WorkspacesTable> {
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    visibility: workspace.visibility,
    subscription_status: workspace.subscriptionStatus,
    plan: workspace.plan,
    created_at: workspace.createdAt,
  };
}

function optionalNumber(value: number | null): number | null {
  return value === null ? null : Number(value);
}

export function keyFromRow(row: Selectable<ApiKeysTable>): KeyRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    environment: row.environment as KeyEnvironment,
    scopes: JSON.parse(row.scopes) as string[],
    keyHash: row.key_hash,
    hint: row.hint,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: optionalNumber(row.last_used_at),
    expiresAt: optionalNumber(row.expires_at),
    revokedAt: optionalNumber(row.revoked_at),
    replacesKeyId: row.replaces_key_id,
    replacedByKeyId: row.replaced_by_key_id,
  };
}

export function keyToRow(key: KeyRecord): Insertable<ApiKeysTable> {
  return {
    id: key.id,
    workspace_id: key.workspaceId,
    name: key.name,
    environment: key.environment,
    scopes: JSON.stringify(key.scopes),
    key_hash: key.keyHash,
    hint: key.hint,
    created_at: key.createdAt,
    created_by: key.createdBy,
    last_used_at: key.lastUsedAt,
    expires_at: key.expiresAt,
    revoked_at: key.revokedAt,
    replaces_key_id: key.replacesKeyId,
    replaced_by_key_id: key.replacedByKeyId,
  };
}

/** True for a unique-constraint failure on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
