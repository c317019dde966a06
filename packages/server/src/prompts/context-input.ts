import { ApiError, type FieldProblem } from "../errors/index.js";
import type { NewContextItem } from "./prompt-records.js";

export const MAX_CONTEXT_FILE_BYTES = 5 * 1024 * 1024;
export const CONTEXT_LIMITS = { label: 200, url: 2048, fileName: 255, mimeType: 127 } as const;

/** What a caller sends to attach an item to a draft (a file's bytes already decoded). */
export type ContextItemInput =
  | { type: "url"; label?: string | null | undefined; url: string }
  | { type: "file"; label?: string | null | undefined; fileName: string; mimeType?: string | null | undefined; bytes: Buffer };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// type/subtype only: parameters and line breaks could not be sent back as a header safely.
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;
// A plain character class: linear on megabytes of input, where grouped repetition overflows the stack.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fail(problems: FieldProblem[]): never {
  throw new ApiError("validation_error", { message: problems.map((p) => `${p.field} ${p.message}`).join("; "), details: problems });
}

function oneLine(problems: FieldProblem[], field: string, raw: string, max: number): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > max) problems.push({ field, message: `must be 1-${max} characters` });
  else if (CONTROL.test(value)) problems.push({ field, message: "must not contain control characters" });
  return value;
}

/**
 * Decodes standard base64 (padding required, no line breaks) and enforces the file size
 * limit on the decoded bytes.
 */
export function decodeBase64Content(raw: string, field = "contentBase64"): Buffer {
  if (raw.length % 4 !== 0 || !BASE64.test(raw)) fail([{ field, message: "must be standard base64" }]);
  const bytes = Buffer.from(raw, "base64");
  if (bytes.length === 0) fail([{ field, message: "must not be empty" }]);
  if (bytes.length > MAX_CONTEXT_FILE_BYTES) fail([{ field, message: `must decode to at most ${MAX_CONTEXT_FILE_BYTES} bytes (5 MB)` }]);
  return bytes;
}

/**
 * Checks a context item: an http(s) URL, or a file with a plain name (no path), a
 * `type/subtype` MIME type (default `application/octet-stream`) and at most 5 MB. The label
 * defaults to the URL or the file name.
 */
export function normalizeContextItem(input: ContextItemInput): NewContextItem {
  const problems: FieldProblem[] = [];
  if (input.type === "url") {
    const url = input.url.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (url.length > CONTEXT_LIMITS.url) problems.push({ field: "url", message: `must be at most ${CONTEXT_LIMITS.url} characters` });
    else if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) problems.push({ field: "url", message: "must be an http or https URL" });
    const label = oneLine(problems, "label", input.label ?? url, CONTEXT_LIMITS.label);
    if (problems.length > 0) fail(problems);
    return { type: "url", label, url };
  }
  const fileName = oneLine(problems, "fileName", input.fileName, CONTEXT_LIMITS.fileName);
  if (/[/\\]/.test(fileName)) problems.push({ field: "fileName", message: "must be a file name, not a path" });
  const mimeType = (input.mimeType ?? "application/octet-stream").trim().toLowerCase();
  if (!MIME_TYPE.test(mimeType)) problems.push({ field: "mimeType", message: "must be a MIME type such as text/plain" });
  const label = oneLine(problems, "label", input.label ?? fileName, CONTEXT_LIMITS.label);
  if (input.bytes.length === 0) problems.push({ field: "contentBase64", message: "must not be empty" });
  if (input.bytes.length > MAX_CONTEXT_FILE_BYTES) problems.push({ field: "contentBase64", message: `must be at most ${MAX_CONTEXT_FILE_BYTES} bytes (5 MB)` });
  if (problems.length > 0) fail(problems);
  return { type: "file", label, fileName, mimeType, bytes: input.bytes };
}
