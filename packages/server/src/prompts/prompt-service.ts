import { ApiError } from "../errors/index.js";
import { newId } from "../keys/index.js";
import { decodePositionCursor, encodePositionCursor } from "../pagination/position-cursor.js";
import { UniqueViolationError, type Store, type WorkspaceRecord } from "../store/index.js";
import type { ContextItemStore } from "./context-item-store.js";
import { findPromptOrThrow } from "./find-prompt.js";
import { formatPackageName, requirePackageName, validatePromptSlug, type PackageName } from "./package-name.js";
import { presentPrompt, type PromptView } from "./present-prompt.js";
import { normalizePromptFields, sameFields, type PromptFieldsInput } from "./prompt-fields.js";
import type { PromptRecord, PromptVersionRecord } from "./prompt-records.js";
import { DRAFT_VERSION, type PromptStore } from "./prompt-store.js";
import { renderContent, type VariableValues } from "./render-prompt.js";

export const MAX_PROMPT_PAGE_SIZE = 100;

export interface CreatePromptInput extends PromptFieldsInput {
  slug: string;
}

/** Fields to change on the draft; left out means unchanged, null clears an optional field. */
export type DraftPatch = Partial<PromptFieldsInput>;

export interface DraftUpdate {
  prompt: PromptView;
  /** False when the patch left every field as it was (the draft revision did not move). */
  changed: boolean;
}

export interface PromptPage {
  prompts: PromptView[];
  cursor: string | null;
  hasMore: boolean;
}

/**
 * The prompt registry's rules, shared by the API, the CLI and the dashboard. Every method
 * that takes a `workspaceId` acts inside that workspace only: a slug of another workspace is
 * not found, and a package name of another workspace is forbidden (403), never read.
 *
 * @example
 * const { prompts } = createPromptRegistry(keyward.db, keyward.store);
 * await prompts.create(workspace.id, { slug: "welcome", title: "Welcome", content: "Hi {{name}}" });
 * await prompts.publish(workspace.id, "welcome");
 * const v1 = await prompts.getForWorkspace(workspace.id, "@acme/welcome:v1", { name: "Ada" });
 */
export class PromptService {
  constructor(
    private readonly store: PromptStore,
    private readonly items: Pick<ContextItemStore, "listContextItems">,
    private readonly workspaces: Pick<Store, "findWorkspaceById" | "findWorkspaceBySlug">,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a prompt as a draft (`v0`); 409 when the slug is taken in the workspace. */
  async create(workspaceId: string, input: CreatePromptInput): Promise<PromptView> {
    const slug = validatePromptSlug(input.slug);
    const fields = normalizePromptFields(input);
    const workspace = await this.requireWorkspace(workspaceId);
    const prompt: PromptRecord = {
      id: newId("pr"),
      workspaceId,
      slug,
      createdAt: this.now(),
      latestVersion: 0,
      draftRevision: 1,
      publishedRevision: 0,
    };
    try {
      await this.store.insertPrompt(prompt, fields);
    } catch (error) {
      if (error instanceof UniqueViolationError) {
        throw new ApiError("conflict", { message: `Prompt ${formatPackageName(workspace.slug, slug)} already exists; edit its draft instead` });
      }
      throw error;
    }
    return this.view(prompt, workspace.slug, DRAFT_VERSION);
  }

  /** The draft (`v0`) of a prompt of the workspace. */
  async getDraft(workspaceId: string, slug: string): Promise<PromptView> {
    const workspace = await this.requireWorkspace(workspaceId);
    const prompt = await findPromptOrThrow(this.store, workspaceId, slug);
    return this.view(prompt, workspace.slug, DRAFT_VERSION);
  }

  /** Changes the draft; a patch that changes nothing leaves the draft (and its revision) alone. */
  async updateDraft(workspaceId: string, slug: string, patch: DraftPatch): Promise<DraftUpdate> {
    const workspace = await this.requireWorkspace(workspaceId);
    const prompt = await findPromptOrThrow(this.store, workspaceId, slug);
    const draft = await this.requireVersion(prompt, DRAFT_VERSION, workspace.slug);
    const fields = normalizePromptFields({
      title: patch.title ?? draft.title,
      content: patch.content ?? draft.content,
      systemPrompt: patch.systemPrompt === undefined ? draft.systemPrompt : patch.systemPrompt,
      critiquePrompt: patch.critiquePrompt === undefined ? draft.critiquePrompt : patch.critiquePrompt,
      description: patch.description === undefined ? draft.description : patch.description,
      category: patch.category === undefined ? draft.category : patch.category,
      tags: patch.tags ?? draft.tags,
    });
    const changed = !sameFields(fields, draft);
    if (changed) await this.store.updateDraft(prompt.id, fields, this.now());
    return { prompt: await this.view(prompt, workspace.slug, DRAFT_VERSION), changed };
  }

  /**
   * Publishes the draft as the next version. A draft unchanged since the last publish answers
   * 409 rather than minting an identical version: of two publishes racing, one wins.
   */
  async publish(workspaceId: string, slug: string): Promise<PromptView> {
    const workspace = await this.requireWorkspace(workspaceId);
    const prompt = await findPromptOrThrow(this.store, workspaceId, slug);
    const version = await this.store.publishDraft(prompt.id, this.now());
    if (version === null) {
      const current = await this.store.findPrompt(workspaceId, slug);
      const latest = current ? formatPackageName(workspace.slug, slug, current.latestVersion) : slug;
      throw new ApiError("conflict", { message: `Nothing to publish: the draft has not changed since ${latest}` });
    }
    return this.view(prompt, workspace.slug, version);
  }

  /** Every version of a prompt, newest first, then the draft (for history views). */
  async listVersions(workspaceId: string, slug: string): Promise<PromptView[]> {
    const workspace = await this.requireWorkspace(workspaceId);
    const prompt = await findPromptOrThrow(this.store, workspaceId, slug);
    const versions = await this.store.listVersions(prompt.id);
    const items = await this.items.listContextItems(versions.map((v) => ({ promptId: prompt.id, version: v.version })));
    return versions.map((v) => presentPrompt(prompt, v, workspace.slug, items.filter((item) => item.version === v.version)));
  }

  /**
   * A version by package name for a caller acting in `workspaceId` (an API key, a dashboard
   * user). A package of any other workspace is 403 whether or not that workspace exists, so
   * the answer tells nothing about other tenants. With `variables`, content comes rendered.
   */
  async getForWorkspace(workspaceId: string, packageName: string, variables?: VariableValues): Promise<PromptView> {
    const name = requirePackageName(packageName);
    const workspace = await this.workspaces.findWorkspaceById(workspaceId);
    if (!workspace || workspace.slug !== name.workspaceSlug) {
      throw new ApiError("forbidden", { message: `Insufficient permissions: @${name.workspaceSlug} is not this key's workspace` });
    }
    return this.resolve(workspace, name, packageName, variables);
  }

  /** A version by package name in any workspace: for operators (the CLI), never for API keys. */
  async getAsOperator(packageName: string, variables?: VariableValues): Promise<PromptView> {
    const name = requirePackageName(packageName);
    const workspace = await this.workspaces.findWorkspaceBySlug(name.workspaceSlug);
    if (!workspace) throw new ApiError("not_found", { message: `Prompt not found: ${packageName} (no workspace ${name.workspaceSlug})` });
    return this.resolve(workspace, name, packageName, variables);
  }

  /** A workspace's prompts, newest first: each at its latest published version, or its draft before the first publish. */
  async list(workspaceId: string, options: { limit?: number | undefined; cursor?: string | undefined } = {}): Promise<PromptPage> {
    const workspace = await this.requireWorkspace(workspaceId);
    const limit = Math.min(Math.max(options.limit ?? 20, 1), MAX_PROMPT_PAGE_SIZE);
    const after = options.cursor ? decodePositionCursor(options.cursor) : undefined;
    const rows = await this.store.listLatest(workspaceId, { limit: limit + 1, after });
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const items = await this.items.listContextItems(page.map((row) => ({ promptId: row.prompt.id, version: row.version.version })));
    const prompts = page.map((row) =>
      presentPrompt(row.prompt, row.version, workspace.slug, items.filter((i) => i.promptId === row.prompt.id && i.version === row.version.version)),
    );
    const last = page.at(-1)?.prompt;
    return { prompts, hasMore, cursor: hasMore && last ? encodePositionCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  private async resolve(workspace: WorkspaceRecord, name: PackageName, asked: string, variables: VariableValues | undefined): Promise<PromptView> {
    const prompt = await this.store.findPrompt(workspace.id, name.slug);
    if (!prompt) throw new ApiError("not_found", { message: `Prompt not found: ${asked}` });
    if (name.version.kind === "latest" && prompt.latestVersion === 0) {
      const draft = formatPackageName(workspace.slug, prompt.slug, DRAFT_VERSION);
      throw new ApiError("not_found", { message: `Prompt not found: ${asked} has no published version yet (its draft is ${draft})` });
    }
    const number = name.version.kind === "latest" ? prompt.latestVersion : name.version.number;
    if (number > prompt.latestVersion) throw new ApiError("not_found", { message: `Prompt not found: ${asked}` });
    return this.view(prompt, workspace.slug, number, variables);
  }

  private async view(prompt: PromptRecord, workspaceSlug: string, number: number, variables?: VariableValues): Promise<PromptView> {
    const version = await this.requireVersion(prompt, number, workspaceSlug);
    const items = await this.items.listContextItems([{ promptId: prompt.id, version: number }]);
    const shown = presentPrompt(prompt, version, workspaceSlug, items);
    if (variables === undefined) return shown;
    return { ...shown, content: renderContent(version.content, shown.variables, variables) };
  }

  private async requireVersion(prompt: PromptRecord, number: number, workspaceSlug: string): Promise<PromptVersionRecord> {
    const version = await this.store.findVersion(prompt.id, number);
    if (!version) throw new ApiError("not_found", { message: `Prompt not found: ${formatPackageName(workspaceSlug, prompt.slug, number)}` });
    return version;
  }

  private async requireWorkspace(workspaceId: string): Promise<WorkspaceRecord> {
    const workspace = await this.workspaces.findWorkspaceById(workspaceId);
    if (!workspace) throw new ApiError("not_found", { message: `Workspace not found: ${workspaceId.slice(0, 64)}` });
    return workspace;
  }
}

