import type { Transaction } from "kysely";
import { ApiError } from "../errors/index.js";
import type { Database } from "../store/schema.js";

/** Called after a membership, role or subscription change commits (this process's caches). */
export type WorkspaceChangeListener = (workspaceId: string) => void;

/**
 * Takes the workspace row's write lock for the rest of the transaction, so concurrent
 * membership changes of one workspace run one after the other on both databases (a row
 * lock on PostgreSQL, the write lock on SQLite). Without it two owners demoting each other
 * at once could both see "another owner remains". False when the workspace is gone.
 */
export async function lockWorkspace(trx: Transaction<Database>, workspaceId: string): Promise<boolean> {
  const result = await trx
    .updateTable("workspaces")
    .set((eb) => ({ slug: eb.ref("slug") }))
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function workspaceNotFound(workspaceId: string): ApiError {
  return new ApiError("not_found", { message: `Workspace not found: ${workspaceId.slice(0, 64)}` });
}
