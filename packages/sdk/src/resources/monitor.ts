import type { HttpClient, RequestOptions } from "../http.js";

/** The AI engines the monitor can ask. */
export type Engine = "CHATGPT" | "GEMINI" | "PERPLEXITY" | "COPILOT" | "GROK" | "CLAUDE";

export interface MonitorParams {
  /** What to ask, 1–10,000 characters. */
  prompt: string;
  model: Engine;
  /** ISO 3166 alpha-2 country the answer is for (default `US`). */
  country?: string;
  /** Brand names to find in the answer (case-insensitive, whole words). */
  brands?: string[];
}

/** A source the answer cites; positions are 1-based, in order of appearance. */
export interface MonitorSource {
  position: number;
  url: string;
  label: string;
  description: string | null;
}

/** How a brand appears in the answer. */
export interface BrandMention {
  brand: string;
  count: number;
  /** Character offset of the first mention, or `null` when it is not mentioned. */
  firstPosition: number | null;
  sentences: string[];
}

export interface MonitorResult {
  text: string;
  markdown: string;
  model: Engine;
  sources: MonitorSource[];
  mentions: BrandMention[];
}

interface MonitorResponse {
  success: true;
  result: MonitorResult;
}

/** The monitor: ask an AI engine, get its answer, its sources and the brands it mentions. */
export class Monitor {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Sends a prompt to an engine. With an `sk_test_` key the answer is a free, deterministic
   * sandbox answer. Each call with a live key costs credits, charged only on success.
   *
   * @example
   * const result = await client.monitor.run({ prompt: "Best CRM for startups?", model: "CHATGPT", brands: ["Acme"] });
   * console.log(result.mentions);
   */
  async run(params: MonitorParams, options?: RequestOptions): Promise<MonitorResult> {
    // Not idempotent (a success costs credits): retried only on answers that did no work (429, 502, 503).
    const response = await this.#http.request<MonitorResponse>({ method: "POST", path: "/v1/monitor", body: params, options });
    return response.result;
  }
}
