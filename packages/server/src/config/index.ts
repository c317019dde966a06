export { loadConfig, loadDotEnv, readInteger, ConfigError, type KeywardConfig } from "./load-config.js";
export { parseDurationSeconds } from "./duration.js";
