export { ENGINES, engineFromPath, type Engine } from "./engines.js";
export {
  readMonitorSettings,
  engineVariable,
  PROVIDER_KINDS,
  DEFAULT_MONITOR_COST,
  DEFAULT_ENGINE_TIMEOUT_MS,
  type EngineSettings,
  type MonitorSettings,
  type ProviderKind,
} from "./engine-settings.js";
export { EngineFailure, type EngineAnswer, type EngineProvider, type EngineQuestion, type Citation } from "./engine-answer.js";
export { createProvider } from "./create-provider.js";
export { MonitorService, analyzeAnswer, type MonitorRequest, type MonitorResult } from "./monitor-service.js";
export { collectSources, type MonitorSource } from "./collect-sources.js";
export { findMentions, type BrandMention } from "./find-mentions.js";
export { sandboxAnswer } from "./sandbox-answer.js";
export { registerMonitorRoutes } from "./monitor-routes.js";
export { EngineSchema, EngineMonitorBody, MonitorResultSchema, MonitorErrorResponses, MonitorErrorSchema } from "./monitor-schemas.js";
export { normalizeMonitorInput, type MonitorInput } from "./monitor-input.js";
