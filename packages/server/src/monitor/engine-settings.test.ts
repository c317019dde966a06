import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/index.js";
import { readMonitorSettings } from "./engine-settings.js";

describe("readMonitorSettings", () => {
  it("configures no engine and a cost of 5 by default", () => {
    const settings = readMonitorSettings({});
    expect(settings.engines.size).toBe(0);
    expect(settings.cost).toBe(5);
  });

  it("reads an OpenAI-compatible engine from its URL and model", () => {
    const settings = readMonitorSettings({
      KEYWARD_ENGINE_CHATGPT_URL: "http://127.0.0.1:11434/v1",
      KEYWARD_ENGINE_CHATGPT_MODEL: "llama3.2",
      KEYWARD_MONITOR_COST: "3",
    });
    expect(settings.engines.get("CHATGPT")).toEqual({
      provider: "openai",
      url: "http://127.0.0.1:11434/v1",
      model: "llama3.2",
      apiKey: undefined,
      apiKeyHeader: "authorization",
      timeoutMs: 60_000,
    });
    expect(settings.cost).toBe(3);
  });

  it("gives Anthropic and Gemini their public URLs when only the provider is named", () => {
    const settings = readMonitorSettings({
      KEYWARD_ENGINE_CLAUDE_PROVIDER: "anthropic",
      KEYWARD_ENGINE_CLAUDE_MODEL: "claude-sonnet-4-5",
      KEYWARD_ENGINE_GEMINI_PROVIDER: "Gemini",
      KEYWARD_ENGINE_GEMINI_MODEL: "gemini-2.5-flash",
    });
    expect(settings.engines.get("CLAUDE")?.url).toBe("https://api.anthropic.com");
    expect(settings.engines.get("GEMINI")?.provider).toBe("gemini");
  });

  it.each([
    [{ KEYWARD_ENGINE_GROK_PROVIDER: "mistral", KEYWARD_ENGINE_GROK_MODEL: "m" }, /KEYWARD_ENGINE_GROK_PROVIDER must be one of/],
    [{ KEYWARD_ENGINE_GROK_URL: "http://x.example" }, /KEYWARD_ENGINE_GROK_MODEL is required/],
    [{ KEYWARD_ENGINE_GROK_URL: "ftp://x.example", KEYWARD_ENGINE_GROK_MODEL: "m" }, /KEYWARD_ENGINE_GROK_URL must be an http/],
    [{ KEYWARD_ENGINE_GROK_URL: "http://x.example", KEYWARD_ENGINE_GROK_MODEL: "m", KEYWARD_ENGINE_GROK_TIMEOUT_MS: "5" }, /TIMEOUT_MS must be an integer/],
    [{ KEYWARD_MONITOR_COST: "-1" }, /KEYWARD_MONITOR_COST/],
  ])("refuses bad settings %#", (env, message) => {
    expect(() => readMonitorSettings(env)).toThrow(ConfigError);
    expect(() => readMonitorSettings(env)).toThrow(message);
  });

  it("never quotes a URL (it may carry a key) in its error", () => {
    expect(() => readMonitorSettings({ KEYWARD_ENGINE_GROK_URL: "nope://secret-key-123", KEYWARD_ENGINE_GROK_MODEL: "m" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("secret-key-123") as unknown }) as Error,
    );
  });
});
