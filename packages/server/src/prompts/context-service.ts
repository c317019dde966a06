import { ApiError } from "../errors/index.js";
import { normalizeContextItem, type ContextItemInput } from "./context-input.js";
import { checkDownload, signDownload } from "./download-signature.js";
import { findPromptOrThrow } from "./find-prompt.js";
import { formatVersion } from "./package-name.js";
import { presentContextItem, type ContextItemView } from "./present-prompt.js";
import type { ContextItemRecord } from "./prompt-records.js";
import type { ContextItemStore } from "./context-item-store.js";
import { DRAFT_VERSION, type PromptStore } from "./prompt-store.js";

export const MAX_CONTEXT_ITEMS = 50;
export const DEFAULT_DOWNLOAD_TTL_SECONDS = 300;
export const MAX_DOWNLOAD_TTL_SECONDS = 3600;
/** The `server_secrets` row holding the download-link signing key. */
export const DOWNLOAD_SECRET_NAME = "prompt_download_signing_key";

export interface DownloadLink {
  url: string;
  /** Seconds the link stays valid. */
  expiresIn: number;
}

export interface DownloadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

function contextNotFound(id: string): ApiError {
  return new ApiError("not_found", { message: `Context item not found: ${id.slice(0, 64)}` });
}

/**
 * Context items of prompts: urls and files attached to the draft (published versions keep
 * their own copies), and expiring, HMAC-signed links to download a file without a key. The
 * signing key is generated once and kept in the database, so every instance accepts the
 * links of every other.
 *
 * @example
 * const item = await context.add(workspace.id, "welcome", { type: "url", label: "Style guide", url: "https://acme.dev/style" });
 * const { url } = await context.createDownloadUrl(workspace.id, fileItemId, { baseUrl: "https://keyward.acme.dev" });
 */
export class PromptContextService {
  private secret: Promise<string> | undefined;

  /** `loadSigningKey` reads (or creates, the first time) the download-link key; it is read once per process. */
  constructor(
    private readonly store: Pick<PromptStore, "findPrompt">,
    private readonly items: ContextItemStore,
    private readonly loadSigningKey: () => Promise<string>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Attaches an item to the draft of a prompt of the workspace. */
  async add(workspaceId: string, slug: string, input: ContextItemInput): Promise<ContextItemView> {
    const item = normalizeContextItem(input);
    const prompt = await findPromptOrThrow(this.store, workspaceId, slug);
    const added = await this.items.addDraftContextItem(prompt, item, this.now(), MAX_CONTEXT_ITEMS);
    if (!added) throw new ApiError("conflict", { message: `The draft already has ${MAX_CONTEXT_ITEMS} context items; remove one first` });
    return presentContextItem(added);
  }

  /** Removes an item from the draft; items of published versions cannot be removed (409). */
  async remove(workspaceId: string, slug: string, contextId: string): Promise<void> {
    const prompt = await findPromptOrThrow(this.store, workspaceId, slug);
    if (await this.items.removeDraftContextItem(prompt.id, contextId)) return;
    const item = await this.items.findContextItem(contextId);
    if (item && item.promptId === prompt.id && item.version !== DRAFT_VERSION) {
      throw new ApiError("conflict", { message: `${formatVersion(item.version)} is published and cannot change; remove the item from the draft instead` });
    }
    throw contextNotFound(contextId);
  }

  /** A link to download a file item of the workspace, valid for `expiresInSeconds` (default 5 minutes). */
  async createDownloadUrl(
    workspaceId: string,
    contextId: string,
    options: { baseUrl: string; expiresInSeconds?: number | undefined },
  ): Promise<DownloadLink> {
    const expiresIn = options.expiresInSeconds ?? DEFAULT_DOWNLOAD_TTL_SECONDS;
    if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_DOWNLOAD_TTL_SECONDS) {
      throw new ApiError("validation_error", {
        message: `expiresIn must be an integer from 1 to ${MAX_DOWNLOAD_TTL_SECONDS}`,
        details: [{ field: "expiresIn", message: "is out of range" }],
      });
    }
    const item = await this.items.findContextItem(contextId);
    // Another workspace's item is "not found": ids are not secrets, but their existence is none of its business.
    if (!item || item.workspaceId !== workspaceId) throw contextNotFound(contextId);
    requireFile(item);
    const expires = Math.floor(this.now() / 1000) + expiresIn;
    const signature = signDownload(await this.loadSecret(), item.id, expires);
    const base = options.baseUrl.replace(/\/+$/, "");
    const url = `${base}/v1/prompts/context/${encodeURIComponent(item.id)}/download?expires=${expires}&signature=${signature}`;
    return { url, expiresIn };
  }

  /** The file behind a signed link; 403 for a tampered or expired link, 404 when the item is gone. */
  async openDownload(contextId: string, expires: number, signature: string): Promise<DownloadedFile> {
    const check = checkDownload(await this.loadSecret(), contextId, expires, signature, Math.floor(this.now() / 1000));
    if (!check.valid) {
      const message = check.code === "EXPIRED" ? "Download link has expired; ask for a new one" : "Download link is invalid";
      throw new ApiError("forbidden", { message });
    }
    const item = await this.items.findContextItem(contextId);
    if (!item) throw contextNotFound(contextId);
    const file = requireFile(item);
    const bytes = await this.items.readFile(file.workspaceId, file.fileSha256);
    if (!bytes) throw contextNotFound(contextId);
    return { fileName: file.fileName, mimeType: file.mimeType, bytes };
  }

  private loadSecret(): Promise<string> {
    this.secret ??= this.loadSigningKey().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return this.secret;
  }
}

function requireFile(item: ContextItemRecord): Extract<ContextItemRecord, { type: "file" }> {
  if (item.type === "file") return item;
  throw new ApiError("validation_error", {
    message: `Context item ${item.id} is a url, not a file: fetch ${item.url} directly`,
    details: [{ field: "contextId", message: "is a url item, not a file" }],
  });
}
