import { AnthropicProvider } from "./anthropic-provider.js";
import type { EngineProvider } from "./engine-answer.js";
import type { EngineSettings } from "./engine-settings.js";
import { GeminiProvider } from "./gemini-provider.js";
import { OpenAiProvider } from "./openai-provider.js";

/** The provider an engine's settings name. `retryDelayMs` is for tests. */
export function createProvider(settings: EngineSettings, retryDelayMs?: number): EngineProvider {
  switch (settings.provider) {
    case "openai":
      return new OpenAiProvider(settings, retryDelayMs);
    case "anthropic":
      return new AnthropicProvider(settings, retryDelayMs);
    case "gemini":
      return new GeminiProvider(settings, retryDelayMs);
  }
}
