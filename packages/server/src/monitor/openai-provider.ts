import { countryInstruction, EngineFailure, type Citation, type EngineAnswer, type EngineProvider, type EngineQuestion } from "./engine-answer.js";
import type { EngineSettings } from "./engine-settings.js";
import { postJson } from "./post-json.js";
import { citationOf, endpointUrl, isRecord, recordsIn, stringIn, type JsonRecord } from "./upstream-json.js";

function contentOf(message: JsonRecord): string | undefined {
  if (typeof message.content === "string") return stringIn(message.content);
  // Some compatible servers answer with content parts.
  const parts = recordsIn(message.content).map((part) => (typeof part.text === "string" ? part.text : ""));
  return stringIn(parts.join(""));
}

/**
 * Citations of the OpenAI-compatible family: Perplexity's `search_results` (titled) and
 * `citations` (URLs), and OpenAI's `url_citation` annotations, in the provider's order.
 */
export function openAiCitations(body: JsonRecord, message: JsonRecord): Citation[] {
  const titled = recordsIn(body.search_results).map((r) => citationOf(r.url, r.title, r.snippet));
  const plain = Array.isArray(body.citations) ? body.citations.map((url) => citationOf(url)) : [];
  const annotations = recordsIn(message.annotations)
    .filter((a) => a.type === "url_citation")
    .map((a) => {
      const cite = isRecord(a.url_citation) ? a.url_citation : a;
      return citationOf(cite.url, cite.title);
    });
  const titles = new Map<string, Citation>();
  for (const citation of titled) if (citation && !titles.has(citation.url)) titles.set(citation.url, citation);
  // `citations` carries the order the answer's [n] markers refer to; titles come from search_results.
  const result = new Map<string, Citation>();
  for (const citation of [...plain, ...titled, ...annotations]) {
    if (citation && !result.has(citation.url)) result.set(citation.url, titles.get(citation.url) ?? citation);
  }
  return [...result.values()];
}

/**
 * An OpenAI-compatible chat-completions endpoint: OpenAI, Azure OpenAI, Ollama, vLLM,
 * llama.cpp server, LM Studio, Perplexity, xAI.
 *
 * @example const provider = new OpenAiProvider({ provider: "openai", url: "http://127.0.0.1:11434/v1", model: "llama3.2", … });
 */
export class OpenAiProvider implements EngineProvider {
  constructor(
    private readonly settings: EngineSettings,
    private readonly retryDelayMs?: number,
  ) {}

  async ask(question: EngineQuestion): Promise<EngineAnswer> {
    const { settings } = this;
    const headers: Record<string, string> = {};
    if (settings.apiKey !== undefined) {
      headers[settings.apiKeyHeader] = settings.apiKeyHeader === "authorization" ? `Bearer ${settings.apiKey}` : settings.apiKey;
    }
    const body = await postJson({
      url: endpointUrl(settings.url, "/chat/completions"),
      headers,
      timeoutMs: settings.timeoutMs,
      retryDelayMs: this.retryDelayMs,
      body: {
        model: settings.model,
        messages: [
          { role: "system", content: countryInstruction(question.country) },
          { role: "user", content: question.prompt },
        ],
        stream: false,
      },
    });
    const choice = isRecord(body) ? recordsIn(body.choices)[0] : undefined;
    const message = choice && isRecord(choice.message) ? choice.message : undefined;
    const markdown = message ? contentOf(message) : undefined;
    if (!isRecord(body) || !message || markdown === undefined) throw new EngineFailure("answered without a message");
    return { markdown, citations: openAiCitations(body, message) };
  }
}
