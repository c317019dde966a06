/** What an author writes: the same fields on the draft and on every published version. */
export interface PromptFields {
  title: string;
  content: string;
  systemPrompt: string | null;
  critiquePrompt: string | null;
  description: string | null;
  category: string | null;
  tags: string[];
}

/** A prompt of a workspace, without its versions. */
export interface PromptRecord {
  id: string;
  workspaceId: string;
  slug: string;
  createdAt: number;
  /** The newest published version; 0 while only the draft exists. */
  latestVersion: number;
  /** Bumped by every change to the draft. */
  draftRevision: number;
  /** The draft revision the latest version was published from. */
  publishedRevision: number;
}

/** One version: 0 is the draft, 1… are published and never change. */
export interface PromptVersionRecord extends PromptFields {
  promptId: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
}

interface ContextItemBase {
  id: string;
  workspaceId: string;
  promptId: string;
  version: number;
  position: number;
  label: string;
  createdAt: number;
}

export interface UrlContextItemRecord extends ContextItemBase {
  type: "url";
  url: string;
}

export interface FileContextItemRecord extends ContextItemBase {
  type: "file";
  fileName: string;
  fileSize: number;
  mimeType: string;
  /** The file's bytes live in `prompt_files` under this hash, shared by every version that has it. */
  fileSha256: string;
}

export type ContextItemRecord = UrlContextItemRecord | FileContextItemRecord;

/** A context item about to be added to a draft (id, position and version are the store's). */
export type NewContextItem =
  | { type: "url"; label: string; url: string }
  | { type: "file"; label: string; fileName: string; mimeType: string; bytes: Buffer };

/** A page of prompts, each at its latest published version (or its draft before the first publish). */
export interface PromptListRow {
  prompt: PromptRecord;
  version: PromptVersionRecord;
}
