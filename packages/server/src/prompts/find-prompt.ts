import { ApiError } from "../errors/index.js";
import type { PromptRecord } from "./prompt-records.js";
import type { PromptStore } from "./prompt-store.js";

/** The prompt with this slug in the workspace, or not_found (other workspaces' prompts are not found either). */
export async function findPromptOrThrow(store: Pick<PromptStore, "findPrompt">, workspaceId: string, slug: string): Promise<PromptRecord> {
  const prompt = await store.findPrompt(workspaceId, slug);
  if (!prompt) throw new ApiError("not_found", { message: `Prompt not found: ${slug.slice(0, 64)}` });
  return prompt;
}
