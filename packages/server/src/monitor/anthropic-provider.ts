import { countryInstruction, EngineFailure, type Citation, type EngineAnswer, type EngineProvider, type EngineQuestion } from "./engine-answer.js";
import type { EngineSettings } from "./engine-settings.js";
import { postJson } from "./post-json.js";
import { citationOf, endpointUrl, isRecord, recordsIn, type JsonRecord } from "./upstream-json.js";

const ANTHROPIC_VERSION = "2023-06-01";
const MAX_TOKENS = 2_048;

/** Citations inside text blocks first (the order the answer cites them), then the web search results. */
function anthropicCitations(blocks: JsonRecord[]): Citation[] {
  const inline = blocks
    .filter((block) => block.type === "text")
    .flatMap((block) => recordsIn(block.citations).map((c) => citationOf(c.url, c.title, c.cited_text)));
  const searched = blocks
    .filter((block) => block.type === "web_search_tool_result")
    .flatMap((block) => recordsIn(block.content).map((r) => citationOf(r.url, r.title)));
  return [...inline, ...searched].filter((citation): citation is Citation => citation !== null);
}

/**
 * The Anthropic Messages API (`POST /v1/messages`), key in `x-api-key`.
 *
 * @example const provider = new AnthropicProvider({ provider: "anthropic", url: "https://api.anthropic.com", model: "claude-sonnet-4-5", … });
 */
export class AnthropicProvider implements EngineProvider {
  constructor(
    private readonly settings: EngineSettings,
    private readonly retryDelayMs?: number,
  ) {}

  async ask(question: EngineQuestion): Promise<EngineAnswer> {
    const { settings } = this;
    const body = await postJson({
      url: endpointUrl(settings.url, "/v1/messages"),
      headers: { "anthropic-version": ANTHROPIC_VERSION, ...(settings.apiKey === undefined ? {} : { "x-api-key": settings.apiKey }) },
      timeoutMs: settings.timeoutMs,
      retryDelayMs: this.retryDelayMs,
      body: {
        model: settings.model,
        max_tokens: MAX_TOKENS,
        system: countryInstruction(question.country),
        messages: [{ role: "user", content: question.prompt }],
      },
    });
    const blocks = isRecord(body) ? recordsIn(body.content) : [];
    const markdown = blocks
      .filter((block) => block.type === "text" && typeof block.text === "string")
      .map((block) => block.text as string)
      .join("");
    if (markdown.trim() === "") throw new EngineFailure("answered without a message");
    return { markdown, citations: anthropicCitations(blocks) };
  }
}
