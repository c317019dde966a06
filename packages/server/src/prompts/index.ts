export { PromptService, MAX_PROMPT_PAGE_SIZE, type CreatePromptInput, type DraftPatch, type DraftUpdate, type PromptPage } from "./prompt-service.js";
export {
  PromptContextService,
  MAX_CONTEXT_ITEMS,
  DEFAULT_DOWNLOAD_TTL_SECONDS,
  MAX_DOWNLOAD_TTL_SECONDS,
  DOWNLOAD_SECRET_NAME,
  type DownloadLink,
  type DownloadedFile,
} from "./context-service.js";
export { PromptStore, DRAFT_VERSION } from "./prompt-store.js";
export { ContextItemStore } from "./context-item-store.js";
export { presentPrompt, presentContextItem, type PromptView, type ContextItemView } from "./present-prompt.js";
export { parsePackageName, requirePackageName, formatPackageName, validatePromptSlug, type PackageName, type VersionSelector } from "./package-name.js";
export { parseVariables, VARIABLE_TYPES, type VariableDeclaration, type VariableType } from "./prompt-variables.js";
export { renderContent, findVariableProblems, type VariableValues } from "./render-prompt.js";
export { normalizePromptFields, PROMPT_LIMITS, type PromptFieldsInput } from "./prompt-fields.js";
export { normalizeContextItem, decodeBase64Content, MAX_CONTEXT_FILE_BYTES, type ContextItemInput } from "./context-input.js";
export { registerPromptRoutes } from "./prompt-routes.js";
export { registerContextRoutes, type ContextRouteOptions } from "./context-routes.js";
export { parsePromptFile, type PromptFile } from "./prompt-file.js";
export { coerceCliVariables } from "./coerce-variables.js";
export { createPromptRegistry, registerPromptRegistry, type PromptRegistry } from "./prompt-registry.js";
export { loadOrCreateServerSecret } from "./server-secrets.js";
