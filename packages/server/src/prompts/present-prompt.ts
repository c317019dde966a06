import { formatPackageName, formatVersion } from "./package-name.js";
import type { ContextItemRecord, PromptFields, PromptRecord, PromptVersionRecord } from "./prompt-records.js";
import { parseVariables, type VariableDeclaration } from "./prompt-variables.js";

export type ContextItemView =
  | { id: string; type: "url"; label: string; url: string }
  | { id: string; type: "file"; label: string; fileName: string; fileSize: number; mimeType: string };

/** A prompt at one version, as the API, the CLI and the dashboard show it (camelCase JSON); `content` is rendered when variables were given. */
export interface PromptView extends PromptFields {
  id: string;
  slug: string;
  /** `v0` is the draft; `v1`… are published. */
  version: string;
  workspaceSlug: string;
  /** `@acme/welcome:v1` */
  packageName: string;
  metadata: {
    /** When the prompt was created (its first draft). */
    createdAt: string;
    /** When this version was published; null for the draft. */
    publishedAt: string | null;
  };
  /** The variables the content declares, in order of first appearance. */
  variables: VariableDeclaration[];
  contextItems: ContextItemView[];
}

/** A context item without its storage details (file hash, position, owner). */
export function presentContextItem(item: ContextItemRecord): ContextItemView {
  if (item.type === "url") return { id: item.id, type: "url", label: item.label, url: item.url };
  return { id: item.id, type: "file", label: item.label, fileName: item.fileName, fileSize: item.fileSize, mimeType: item.mimeType };
}

/**
 * Builds the API object of one version. `content` replaces the stored content when the
 * caller rendered it; `variables` always describe the stored template.
 */
export function presentPrompt(
  prompt: PromptRecord,
  version: PromptVersionRecord,
  workspaceSlug: string,
  items: readonly ContextItemRecord[],
  content: string = version.content,
): PromptView {
  const parsed = parseVariables(version.content);
  return {
    id: prompt.id,
    title: version.title,
    slug: prompt.slug,
    content,
    systemPrompt: version.systemPrompt,
    critiquePrompt: version.critiquePrompt,
    description: version.description,
    category: version.category,
    tags: version.tags,
    version: formatVersion(version.version),
    workspaceSlug,
    packageName: formatPackageName(workspaceSlug, prompt.slug, version.version),
    metadata: {
      createdAt: new Date(prompt.createdAt).toISOString(),
      publishedAt: version.publishedAt === null ? null : new Date(version.publishedAt).toISOString(),
    },
    variables: parsed.ok ? parsed.variables : [],
    contextItems: items.map(presentContextItem),
  };
}
