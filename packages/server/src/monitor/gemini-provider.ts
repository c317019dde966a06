import { countryInstruction, EngineFailure, type Citation, type EngineAnswer, type EngineProvider, type EngineQuestion } from "./engine-answer.js";
import type { EngineSettings } from "./engine-settings.js";
import { postJson } from "./post-json.js";
import { citationOf, endpointUrl, isRecord, recordsIn } from "./upstream-json.js";

/**
 * The Gemini API (`POST /models/<model>:generateContent`), key in `x-goog-api-key` (never in
 * the URL, where it could end up in a log). Sources come from grounding metadata.
 *
 * @example const provider = new GeminiProvider({ provider: "gemini", url: "https://generativelanguage.googleapis.com/v1beta", model: "gemini-2.5-flash", … });
 */
export class GeminiProvider implements EngineProvider {
  constructor(
    private readonly settings: EngineSettings,
    private readonly retryDelayMs?: number,
  ) {}

  async ask(question: EngineQuestion): Promise<EngineAnswer> {
    const { settings } = this;
    const body = await postJson({
      url: endpointUrl(settings.url, `/models/${encodeURIComponent(settings.model)}:generateContent`),
      headers: settings.apiKey === undefined ? {} : { "x-goog-api-key": settings.apiKey },
      timeoutMs: settings.timeoutMs,
      retryDelayMs: this.retryDelayMs,
      body: {
        systemInstruction: { parts: [{ text: countryInstruction(question.country) }] },
        contents: [{ role: "user", parts: [{ text: question.prompt }] }],
      },
    });
    const candidate = isRecord(body) ? recordsIn(body.candidates)[0] : undefined;
    const content = candidate && isRecord(candidate.content) ? candidate.content : undefined;
    const markdown = recordsIn(content?.parts)
      .map((part) => (typeof part.text === "string" ? part.text : ""))
      .join("");
    if (markdown.trim() === "") throw new EngineFailure("answered without a message");
    const grounding = candidate && isRecord(candidate.groundingMetadata) ? candidate.groundingMetadata : undefined;
    const citations = recordsIn(grounding?.groundingChunks)
      .map((chunk) => (isRecord(chunk.web) ? citationOf(chunk.web.uri, chunk.web.title) : null))
      .filter((citation): citation is Citation => citation !== null);
    return { markdown, citations };
  }
}
