/** A source an engine cites, before positions are given. */
export interface Citation {
  url: string;
  title?: string | undefined;
  snippet?: string | undefined;
}

/** What a provider brings back: the answer as the engine wrote it (Markdown) and what it cites. */
export interface EngineAnswer {
  markdown: string;
  /** From the provider's citation fields, in their order; empty when it has none. */
  citations: Citation[];
}

/** What the monitor asks an engine. */
export interface EngineQuestion {
  prompt: string;
  /** ISO 3166 alpha-2 code, upper case. */
  country: string;
}

/** One way of reaching an engine: an OpenAI-compatible, Anthropic or Gemini endpoint. */
export interface EngineProvider {
  ask(question: EngineQuestion): Promise<EngineAnswer>;
}

/**
 * The engine could not answer. The message is safe to show and to log: it never holds the
 * provider key nor the upstream body (which may echo the key back).
 */
export class EngineFailure extends Error {
  override name = "EngineFailure";
}

/** The instruction that puts the engine in the country the answer is for. */
export function countryInstruction(country: string): string {
  return `Answer for a user located in ${countryName(country)} (${country}).`;
}

const regions = new Intl.DisplayNames(["en"], { type: "region" });

/** "United States" for "US"; null for a code that is no ISO 3166 region. */
export function countryNameOrNull(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = regions.of(code);
    // "ZZ" is the "unknown region" placeholder, not a country.
    return name === undefined || name === code || code === "ZZ" ? null : name;
  } catch {
    return null;
  }
}

function countryName(code: string): string {
  return countryNameOrNull(code) ?? code;
}
