import type { Citation } from "./engine-answer.js";

/** Upstream JSON is untrusted: these read it without assuming its shape. */
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function recordsIn(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function stringIn(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** A citation when `url` is an http(s) URL, else null (a provider may cite anything). */
export function citationOf(url: unknown, title?: unknown, snippet?: unknown): Citation | null {
  const href = stringIn(url);
  if (href === undefined || !/^https?:\/\//i.test(href)) return null;
  return { url: href, title: stringIn(title), snippet: stringIn(snippet) };
}

/** `base` with `endpoint` appended to its path, unless the path already ends with it; the query is kept. */
export function endpointUrl(base: string, endpoint: string): string {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, "");
  if (!path.endsWith(endpoint)) url.pathname = `${path}${endpoint}`;
  return url.toString();
}
