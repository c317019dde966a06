import { ConfigError, readInteger } from "../config/index.js";
import { ENGINES, type Engine } from "./engines.js";

export const PROVIDER_KINDS = ["openai", "anthropic", "gemini"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** How one engine is reached. `apiKey` is a secret: it never goes into a log, an error or a response. */
export interface EngineSettings {
  provider: ProviderKind;
  /** Base URL of the provider's API (a full endpoint URL is accepted too). */
  url: string;
  model: string;
  apiKey: string | undefined;
  /** The header the key travels in for OpenAI-compatible providers (`authorization` → `Bearer <key>`; Azure: `api-key`). */
  apiKeyHeader: string;
  timeoutMs: number;
}

export interface MonitorSettings {
  engines: ReadonlyMap<Engine, EngineSettings>;
  /** Credits a successful live-key call costs. */
  cost: number;
}

const DEFAULT_URLS: Record<ProviderKind, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  gemini: "https://generativelanguage.googleapis.com/v1beta",
};

export const DEFAULT_MONITOR_COST = 5;
export const DEFAULT_ENGINE_TIMEOUT_MS = 60_000;

/** The environment variable of one engine's setting: `KEYWARD_ENGINE_CHATGPT_URL`. */
export function engineVariable(engine: Engine, setting: "PROVIDER" | "URL" | "MODEL" | "API_KEY" | "API_KEY_HEADER" | "TIMEOUT_MS"): string {
  return `KEYWARD_ENGINE_${engine}_${setting}`;
}

/** An integer setting of the environment, or `fallback` when unset; ConfigError when out of range. */
function readEngine(env: NodeJS.ProcessEnv, engine: Engine): EngineSettings | null {
  const providerRaw = env[engineVariable(engine, "PROVIDER")] || undefined;
  const urlRaw = env[engineVariable(engine, "URL")] || undefined;
  // An engine is configured once it names a provider or a URL; otherwise it answers 503.
  if (providerRaw === undefined && urlRaw === undefined) return null;
  const provider = (providerRaw ?? "openai").toLowerCase();
  if (!(PROVIDER_KINDS as readonly string[]).includes(provider)) {
    throw new ConfigError(`${engineVariable(engine, "PROVIDER")} must be one of ${PROVIDER_KINDS.join(", ")}, got "${providerRaw}"`);
  }
  const kind = provider as ProviderKind;
  const url = urlRaw ?? DEFAULT_URLS[kind];
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http");
  } catch {
    // The value is not quoted: a URL may carry a key (`?key=…`).
    throw new ConfigError(`${engineVariable(engine, "URL")} must be an http:// or https:// URL`);
  }
  const model = env[engineVariable(engine, "MODEL")];
  if (!model) throw new ConfigError(`${engineVariable(engine, "MODEL")} is required when ${engine} has a provider (e.g. gpt-4o-mini, llama3.2)`);
  return {
    provider: kind,
    url,
    model,
    apiKey: env[engineVariable(engine, "API_KEY")] || undefined,
    apiKeyHeader: (env[engineVariable(engine, "API_KEY_HEADER")] || "authorization").toLowerCase(),
    timeoutMs: readInteger(env, engineVariable(engine, "TIMEOUT_MS"), DEFAULT_ENGINE_TIMEOUT_MS, 100, 600_000),
  };
}

/**
 * Reads the monitor's engines from the environment: for each engine,
 * `KEYWARD_ENGINE_<ENGINE>_PROVIDER` (openai | anthropic | gemini, default openai), `_URL`,
 * `_MODEL`, `_API_KEY`, `_API_KEY_HEADER`, `_TIMEOUT_MS`; and `KEYWARD_MONITOR_COST`.
 * Throws ConfigError on bad values, without quoting secrets.
 *
 * @example
 * const settings = readMonitorSettings({ KEYWARD_ENGINE_CHATGPT_URL: "http://127.0.0.1:11434/v1", KEYWARD_ENGINE_CHATGPT_MODEL: "llama3.2" });
 */
export function readMonitorSettings(env: NodeJS.ProcessEnv): MonitorSettings {
  const engines = new Map<Engine, EngineSettings>();
  for (const engine of ENGINES) {
    const settings = readEngine(env, engine);
    if (settings) engines.set(engine, settings);
  }
  return { engines, cost: readInteger(env, "KEYWARD_MONITOR_COST", DEFAULT_MONITOR_COST, 0, 1_000_000) };
}
