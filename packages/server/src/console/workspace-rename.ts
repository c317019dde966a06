import type { Kysely } from "kysely";
import type { Actor, AuditRecorder } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import type { Database } from "../store/schema.js";

/**
 * Renames a workspace and records it, in one transaction. The slug (and so every package
 * name, `@acme/welcome`) stays: code that fetches prompts never breaks over a new name.
 */
export async function renameWorkspace(
  db: Kysely<Database>,
  audit: AuditRecorder,
  input: { workspaceId: string; name: string; actor: Actor },
): Promise<void> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw new ApiError("validation_error", { message: "name must be 1-100 characters", details: [{ field: "name", message: "must be 1-100 characters" }] });
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("workspaces").select("name").where("id", "=", input.workspaceId).executeTakeFirst();
    if (!row) throw new ApiError("not_found", { message: `Workspace not found: ${input.workspaceId.slice(0, 64)}` });
    if (row.name === name) return;
    await trx.updateTable("workspaces").set({ name }).where("id", "=", input.workspaceId).execute();
    await audit.record(
      {
        workspaceId: input.workspaceId,
        actor: input.actor,
        action: "workspace.renamed",
        target: { type: "workspace", id: input.workspaceId },
        metadata: { from: row.name, to: name },
      },
      trx,
    );
  });
}
