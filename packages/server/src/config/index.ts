export { loadConfig, loadDotEnv, ConfigError, type KeywardConfig } from "./load-config.js";
export { parseDurationSeconds } from "./duration.js";
