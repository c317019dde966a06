import type { Selectable } from "kysely";
import type { PromptContextItemsTable, PromptsTable, PromptVersionsTable } from "../store/schema.js";
import type { ContextItemRecord, PromptFields, PromptRecord, PromptVersionRecord } from "./prompt-records.js";

export function promptFromRow(row: Selectable<PromptsTable>): PromptRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    slug: row.slug,
    createdAt: Number(row.created_at),
    latestVersion: Number(row.latest_version),
    draftRevision: Number(row.draft_revision),
    publishedRevision: Number(row.published_revision),
  };
}

export function versionFromRow(row: Selectable<PromptVersionsTable>): PromptVersionRecord {
  return {
    promptId: row.prompt_id,
    version: Number(row.version),
    title: row.title,
    content: row.content,
    systemPrompt: row.system_prompt,
    critiquePrompt: row.critique_prompt,
    description: row.description,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    publishedAt: row.published_at === null ? null : Number(row.published_at),
  };
}

/** The author-written columns of a version row. */
export function fieldsToRow(fields: PromptFields) {
  return {
    title: fields.title,
    content: fields.content,
    system_prompt: fields.systemPrompt,
    critique_prompt: fields.critiquePrompt,
    description: fields.description,
    category: fields.category,
    tags: JSON.stringify(fields.tags),
  };
}

export function contextItemFromRow(row: Selectable<PromptContextItemsTable>): ContextItemRecord {
  const base = {
    id: row.id,
    workspaceId: row.workspace_id,
    promptId: row.prompt_id,
    version: Number(row.version),
    position: Number(row.position),
    label: row.label,
    createdAt: Number(row.created_at),
  };
  if (row.type === "url") return { ...base, type: "url", url: row.url ?? "" };
  return {
    ...base,
    type: "file",
    fileName: row.file_name ?? "",
    fileSize: Number(row.file_size ?? 0),
    mimeType: row.mime_type ?? "application/octet-stream",
    fileSha256: row.file_sha256 ?? "",
  };
}
