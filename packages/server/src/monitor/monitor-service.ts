import { ApiError } from "../errors/index.js";
import { collectSources, type MonitorSource } from "./collect-sources.js";
import { createProvider } from "./create-provider.js";
import { EngineFailure, type EngineAnswer, type EngineProvider } from "./engine-answer.js";
import { engineVariable, type MonitorSettings } from "./engine-settings.js";
import type { Engine } from "./engines.js";
import { findMentions, type BrandMention } from "./find-mentions.js";
import { plainText } from "./markdown-text.js";
import { sandboxAnswer } from "./sandbox-answer.js";

export interface MonitorRequest {
  engine: Engine;
  prompt: string;
  /** ISO 3166 alpha-2, upper case. */
  country: string;
  brands: readonly string[];
}

/** The monitor's answer, as `POST /v1/monitor` returns it in `result`. */
export interface MonitorResult {
  text: string;
  markdown: string;
  model: Engine;
  sources: MonitorSource[];
  mentions: BrandMention[];
}

/** Turns an engine's answer into the monitor's result: plain text, sources, brand mentions. */
export function analyzeAnswer(engine: Engine, answer: EngineAnswer, brands: readonly string[]): MonitorResult {
  const text = plainText(answer.markdown);
  return {
    text,
    markdown: answer.markdown,
    model: engine,
    sources: collectSources(answer.markdown, answer.citations),
    mentions: findMentions(text, brands),
  };
}

/**
 * Asks engines through their configured providers (or the sandbox) and analyzes the answers.
 *
 * @example
 * const monitor = new MonitorService(readMonitorSettings(process.env));
 * const result = await monitor.run({ engine: "CHATGPT", prompt: "Best CRM?", country: "US", brands: ["Acme"] }, { sandbox: false });
 */
export class MonitorService {
  private readonly providers = new Map<Engine, EngineProvider>();

  constructor(
    readonly settings: MonitorSettings,
    options: { retryDelayMs?: number } = {},
  ) {
    for (const [engine, engineSettings] of settings.engines) this.providers.set(engine, createProvider(engineSettings, options.retryDelayMs));
  }

  /**
   * The sandbox answers without a provider; otherwise an engine with no provider is a 503
   * naming the setting to add, and a failing provider a 502 (whose message is safe to show).
   */
  async run(request: MonitorRequest, options: { sandbox: boolean }): Promise<MonitorResult> {
    if (options.sandbox) return analyzeAnswer(request.engine, sandboxAnswer(request), request.brands);
    const provider = this.providers.get(request.engine);
    if (provider === undefined) {
      throw new ApiError("unavailable", {
        message: `The ${request.engine} engine has no provider configured. Set ${engineVariable(request.engine, "URL")} and ${engineVariable(request.engine, "MODEL")} (or use an sk_test_ key for sandbox answers).`,
      });
    }
    let answer: EngineAnswer;
    try {
      answer = await provider.ask({ prompt: request.prompt, country: request.country });
    } catch (error) {
      if (error instanceof EngineFailure) throw new ApiError("bad_gateway", { message: `The ${request.engine} engine failed: its provider ${error.message}` });
      throw error;
    }
    return analyzeAnswer(request.engine, answer, request.brands);
  }
}
