/** The AI engines the monitor can ask, as the API names them. */
export const ENGINES = ["CHATGPT", "GEMINI", "PERPLEXITY", "COPILOT", "GROK", "CLAUDE"] as const;

export type Engine = (typeof ENGINES)[number];

const ENGINE_SET: ReadonlySet<string> = new Set(ENGINES);

/** `CHATGPT` for `chatgpt` (the per-engine path), or null for a name that is no engine. */
export function engineFromPath(segment: string): Engine | null {
  const upper = segment.toUpperCase();
  return segment === segment.toLowerCase() && ENGINE_SET.has(upper) ? (upper as Engine) : null;
}
