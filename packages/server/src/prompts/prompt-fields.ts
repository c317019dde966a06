import { ApiError, type FieldProblem } from "../errors/index.js";
import type { PromptFields } from "./prompt-records.js";
import { parseVariables } from "./prompt-variables.js";

export const PROMPT_LIMITS = {
  title: 200,
  content: 100_000,
  systemPrompt: 100_000,
  critiquePrompt: 100_000,
  description: 2_000,
  category: 100,
  tag: 50,
  tags: 20,
} as const;

/** Author input: every field but title and content may be left out or null. */
export interface PromptFieldsInput {
  title: string;
  content: string;
  systemPrompt?: string | null | undefined;
  critiquePrompt?: string | null | undefined;
  description?: string | null | undefined;
  category?: string | null | undefined;
  tags?: readonly string[] | undefined;
}

// eslint-disable-next-line no-control-regex
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// Multi-line text may hold tabs and newlines, but no other control characters.
// eslint-disable-next-line no-control-regex
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checkLength(problems: FieldProblem[], field: string, value: string, max: number, min = 0): void {
  if (value.length < min) problems.push({ field, message: "must not be empty" });
  else if (value.length > max) problems.push({ field, message: `must be at most ${max} characters` });
}

function optionalText(problems: FieldProblem[], field: keyof typeof PROMPT_LIMITS, value: string | null | undefined, oneLine: boolean): string | null {
  if (value === undefined || value === null) return null;
  const text = oneLine ? value.trim() : value;
  if (text.trim().length === 0) return null;
  checkLength(problems, field, text, PROMPT_LIMITS[field]);
  if ((oneLine ? LINE_CONTROL : TEXT_CONTROL).test(text)) problems.push({ field, message: "must not contain control characters" });
  return text;
}

function normalizeTags(problems: FieldProblem[], raw: readonly string[]): string[] {
  const tags: string[] = [];
  raw.forEach((value, index) => {
    const tag = value.trim();
    const field = `tags.${index}`;
    if (tag.length === 0 || tag.length > PROMPT_LIMITS.tag) problems.push({ field, message: `must be 1-${PROMPT_LIMITS.tag} characters` });
    else if (LINE_CONTROL.test(tag)) problems.push({ field, message: "must not contain control characters" });
    else if (!tags.includes(tag)) tags.push(tag);
  });
  if (tags.length > PROMPT_LIMITS.tags) problems.push({ field: "tags", message: `must hold at most ${PROMPT_LIMITS.tags} tags` });
  return tags;
}

/**
 * Checks and normalizes what an author wrote, for the API, the CLI and the dashboard alike:
 * trims one-line fields, turns blank optional fields into null, de-duplicates tags, and
 * rejects content whose placeholders declare unknown or conflicting types. One 400 names
 * every problem.
 *
 * @example normalizePromptFields({ title: " Welcome ", content: "Hi {{name}}" }).title // "Welcome"
 */
export function normalizePromptFields(input: PromptFieldsInput): PromptFields {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  checkLength(problems, "title", title, PROMPT_LIMITS.title, 1);
  if (LINE_CONTROL.test(title)) problems.push({ field: "title", message: "must not contain control characters" });
  checkLength(problems, "content", input.content, PROMPT_LIMITS.content, 1);
  if (TEXT_CONTROL.test(input.content)) problems.push({ field: "content", message: "must not contain control characters" });
  const variables = parseVariables(input.content);
  if (!variables.ok) for (const problem of variables.problems) problems.push({ field: "content", message: problem });
  const fields: PromptFields = {
    title,
    content: input.content,
    systemPrompt: optionalText(problems, "systemPrompt", input.systemPrompt, false),
    critiquePrompt: optionalText(problems, "critiquePrompt", input.critiquePrompt, false),
    description: optionalText(problems, "description", input.description, false),
    category: optionalText(problems, "category", input.category, true),
    tags: normalizeTags(problems, input.tags ?? []),
  };
  if (problems.length > 0) {
    throw new ApiError("validation_error", {
      message: problems.map((p) => `${p.field} ${p.message}`).join("; "),
      details: problems,
    });
  }
  return fields;
}

/** True when two sets of fields would store the same version. */
export function sameFields(a: PromptFields, b: PromptFields): boolean {
  return (
    a.title === b.title &&
    a.content === b.content &&
    a.systemPrompt === b.systemPrompt &&
    a.critiquePrompt === b.critiquePrompt &&
    a.description === b.description &&
    a.category === b.category &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index])
  );
}
