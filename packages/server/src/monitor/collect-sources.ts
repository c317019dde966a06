import type { Citation } from "./engine-answer.js";

/** A source in the monitor's answer. */
export interface MonitorSource {
  /** 1-based, in order of appearance. */
  position: number;
  url: string;
  label: string;
  description: string | null;
}

// A Markdown link, an autolink, or a bare URL, whichever comes first.
const LINK = /\[([^\]]*)\]\((https?:\/\/(?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>()[\]"'`]+)/gi;

/** Links in a Markdown answer, in order of appearance. */
export function linksIn(markdown: string): Citation[] {
  const links: Citation[] = [];
  for (const match of markdown.matchAll(LINK)) {
    const [, label, linked, auto, bare] = match;
    const url = linked ?? auto ?? bare?.replace(/[.,;:!?*_]+$/, "");
    if (url) links.push({ url, title: label?.trim() || undefined });
  }
  return links;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * The sources of an answer: the provider's citations when it has them, else the links of
 * the answer; de-duplicated by URL (the first occurrence keeps its place, a later one may
 * bring the title or description the first lacked), numbered from 1.
 *
 * @example collectSources("See [Acme](https://acme.example).", [])[0] // { position: 1, url: "https://acme.example", label: "Acme", description: null }
 */
export function collectSources(markdown: string, citations: readonly Citation[]): MonitorSource[] {
  const found = citations.length > 0 ? citations : linksIn(markdown);
  const byUrl = new Map<string, { url: string; title?: string | undefined; snippet?: string | undefined }>();
  for (const citation of found) {
    const seen = byUrl.get(citation.url);
    if (seen === undefined) byUrl.set(citation.url, { ...citation });
    else {
      seen.title ??= citation.title;
      seen.snippet ??= citation.snippet;
    }
  }
  return [...byUrl.values()].map((source, index) => ({
    position: index + 1,
    url: source.url,
    label: source.title ?? hostOf(source.url),
    description: source.snippet ?? null,
  }));
}
