export { Keyward, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type KeywardOptions, type Health } from "./client.js";
export type { RequestOptions, FetchFunction } from "./http.js";
export {
  KeywardError,
  InvalidApiKeyError,
  APIError,
  ValidationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  APIConnectionError,
  APITimeoutError,
  type FieldProblem,
} from "./errors.js";
export { isWellFormedKey, keyHint } from "./key-format.js";
export type {
  Prompt,
  PromptPage,
  VariableValues,
  GetPromptParams,
  ListPromptsParams,
  PromptVariable,
  VariableType,
  ContextItem,
  UrlContextItem,
  FileContextItem,
} from "./resources/prompts.js";
export type {
  Key,
  IssuedKey,
  RotatedKey,
  KeyPage,
  Scope,
  KeyEnvironment,
  CreateKeyParams,
  UpdateKeyParams,
  RotateKeyParams,
  ListKeysParams,
} from "./resources/keys.js";
export type { Engine, MonitorParams, MonitorResult, MonitorSource, BrandMention } from "./resources/monitor.js";
export { TaskTimeoutError, type Task, type TaskStatus, type CreateTaskParams, type WaitForTaskOptions } from "./resources/tasks.js";
export { SDK_VERSION } from "./version.js";
