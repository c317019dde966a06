/** How a brand appears in the answer's text. */
export interface BrandMention {
  brand: string;
  count: number;
  /** Offset (UTF-16 code units, as JavaScript indexes strings) of the first mention in `text`; null when absent. */
  firstPosition: number | null;
  /** The sentences that mention the brand, once each, in order. */
  sentences: string[];
}

const URL_IN_TEXT = /https?:\/\/\S+/gi;

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// Only the syntax characters: in a `u` regex, escaping anything else (e.g. `-`) is an error.
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/**
 * The pattern of a brand name: case-insensitive, whole words (no letter, digit or `_` right
 * before or after, so `C++`, `AT&T` or `.NET` match too), any run of spaces inside.
 */
export function brandPattern(brand: string): RegExp {
  const body = brand.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, "giu");
}

/**
 * Finds each brand in the text: one entry per requested brand (in request order, a brand
 * asked twice in different case counts once), with count 0 and `firstPosition: null` when
 * the answer never names it. A brand inside a URL (`https://acme.example`) is a source, not
 * a mention, and is not counted.
 *
 * @example findMentions("Acme leads. Globex follows acme.", ["acme"]) // [{ brand: "acme", count: 2, firstPosition: 0, sentences: [...] }]
 */
export function findMentions(text: string, brands: readonly string[]): BrandMention[] {
  const sentences = [...sentenceSegmenter.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length, text: s.segment.trim() }));
  const urls = [...text.matchAll(URL_IN_TEXT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const inUrl = (index: number) => urls.some((url) => index >= url.start && index < url.end);
  const seen = new Set<string>();
  const mentions: BrandMention[] = [];
  for (const raw of brands) {
    const brand = raw.trim();
    if (brand === "" || seen.has(brand.toLowerCase())) continue;
    seen.add(brand.toLowerCase());
    const matches = [...text.matchAll(brandPattern(brand))].filter((match) => !inUrl(match.index));
    const quoted: string[] = [];
    for (const match of matches) {
      const sentence = sentences.find((s) => match.index >= s.start && match.index < s.end);
      if (sentence && sentence.text !== "" && !quoted.includes(sentence.text)) quoted.push(sentence.text);
    }
    mentions.push({ brand, count: matches.length, firstPosition: matches[0]?.index ?? null, sentences: quoted });
  }
  return mentions;
}
