import { parse as parseYaml } from "yaml";
import { ApiError } from "../errors/index.js";
import type { PromptFieldsInput } from "./prompt-fields.js";

/** A prompt as kept in a git repository: optional YAML front matter, then the content. */
export interface PromptFile {
  fields: Partial<Omit<PromptFieldsInput, "content">>;
  content: string;
}

const KEYS: Record<string, keyof PromptFile["fields"]> = {
  title: "title",
  description: "description",
  category: "category",
  tags: "tags",
  systemPrompt: "systemPrompt",
  system_prompt: "systemPrompt",
  critiquePrompt: "critiquePrompt",
  critique_prompt: "critiquePrompt",
};

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*$/m;

function invalid(source: string, problem: string): ApiError {
  return new ApiError("validation_error", { message: `${source}: ${problem}`, details: [{ field: "file", message: problem }] });
}

function readFrontMatter(yamlText: string, source: string): PromptFile["fields"] {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw invalid(source, `front matter is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) throw invalid(source, "front matter must be key: value lines");
  const fields: PromptFile["fields"] = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = KEYS[key];
    if (!field) throw invalid(source, `unknown front matter key "${key}"; use ${Object.keys(KEYS).filter((k) => !k.includes("_")).join(", ")}`);
    if (field === "tags") {
      const tags = typeof value === "string" ? value.split(",").map((tag) => tag.trim()).filter(Boolean) : value;
      if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string" || typeof tag === "number")) {
        throw invalid(source, "tags must be a list such as [onboarding, email]");
      }
      fields.tags = tags.map(String);
    } else if (value === null) {
      if (field !== "title") fields[field] = null;
    } else if (typeof value === "string" || typeof value === "number") {
      // A YAML block (`systemPrompt: |`) ends with a newline nobody means as part of the text.
      fields[field] = String(value).trimEnd();
    } else {
      throw invalid(source, `${key} must be text`);
    }
  }
  return fields;
}

/**
 * Splits a prompt file into front matter fields and content. Front matter is optional YAML
 * between `---` lines (title, description, category, tags, systemPrompt, critiquePrompt);
 * blank lines around the content, and trailing whitespace of each field, are dropped, so a
 * file's final newline is not part of the prompt.
 *
 * @example parsePromptFile("---\ntitle: Welcome\ntags: [onboarding]\n---\nHello {{name}}!\n", "welcome.md")
 * // { fields: { title: "Welcome", tags: ["onboarding"] }, content: "Hello {{name}}!" }
 */
export function parsePromptFile(text: string, source = "prompt file"): PromptFile {
  const body = text.replace(/^\uFEFF/, "");
  let fields: PromptFile["fields"] = {};
  let content = body;
  const opening = OPENING.exec(body);
  if (opening) {
    const rest = body.slice(opening[0].length);
    const closing = CLOSING.exec(rest);
    if (!closing) throw invalid(source, "front matter starts with --- but has no closing --- line");
    fields = readFrontMatter(rest.slice(0, closing.index), source);
    content = rest.slice(closing.index + closing[0].length);
  }
  content = content.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd();
  if (content.length === 0) throw invalid(source, "has no content after the front matter");
  return { fields, content };
}
