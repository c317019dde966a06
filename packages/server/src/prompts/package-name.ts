import { ApiError } from "../errors/index.js";

/** Which version a package name asks for: a number (0 is the draft) or the newest published one. */
export type VersionSelector = { kind: "latest" } | { kind: "number"; number: number };

/** `@<workspace>/<slug>:<version>`, taken apart. */
export interface PackageName {
  workspaceSlug: string;
  slug: string;
  version: VersionSelector;
}

// Workspace slugs: 1-40 characters; prompt slugs: 1-64; lower-case letters, digits, inner hyphens.
const WORKSPACE_PART = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";
const SLUG_PART = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?";
// `v0` is the draft; no leading zeros, so `v1` and `v01` can never name the same version twice.
const VERSION_PART = "latest|v(?:0|[1-9][0-9]{0,8})";
const PACKAGE_PATTERN = new RegExp(`^@(${WORKSPACE_PART})/(${SLUG_PART})(?::(${VERSION_PART}))?$`);
const PROMPT_SLUG_PATTERN = new RegExp(`^${SLUG_PART}$`);

/** Slugs that would read as a route of their own (`/v1/prompts/get`, `/v1/prompts/context/…`). */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(["get", "context"]);

/**
 * Parses a package name, or returns null when it is not one.
 *
 * @example parsePackageName("@acme/welcome:v1") // { workspaceSlug: "acme", slug: "welcome", version: { kind: "number", number: 1 } }
 */
export function parsePackageName(raw: string): PackageName | null {
  const match = PACKAGE_PATTERN.exec(raw);
  if (!match) return null;
  const version = match[3] ?? "latest";
  return {
    workspaceSlug: match[1]!,
    slug: match[2]!,
    version: version === "latest" ? { kind: "latest" } : { kind: "number", number: Number(version.slice(1)) },
  };
}

/** Like parsePackageName, but a malformed name is a 400 naming `field`. */
export function requirePackageName(raw: string, field = "package_name"): PackageName {
  const parsed = parsePackageName(raw);
  if (parsed) return parsed;
  const problem = "must look like @workspace/prompt-slug or @workspace/prompt-slug:v1 (or :latest)";
  throw new ApiError("validation_error", { message: `${field} ${problem}`, details: [{ field, message: problem }] });
}

/** `v3`, `v0` (the draft). */
export function formatVersion(version: number): string {
  return `v${version}`;
}

/**
 * The canonical package name of one version.
 *
 * @example formatPackageName("acme", "welcome", 1) // "@acme/welcome:v1"
 */
export function formatPackageName(workspaceSlug: string, slug: string, version?: number): string {
  const base = `@${workspaceSlug}/${slug}`;
  return version === undefined ? base : `${base}:${formatVersion(version)}`;
}

/** Checks a prompt slug: 1-64 lower-case letters, digits and inner hyphens, not a reserved word. */
export function validatePromptSlug(slug: string, field = "slug"): string {
  let problem: string | null = null;
  if (!PROMPT_SLUG_PATTERN.test(slug)) {
    problem = "must be 1-64 lower-case letters, digits or hyphens, starting and ending with a letter or digit";
  } else if (RESERVED_SLUGS.has(slug)) {
    problem = `"${slug}" is reserved`;
  }
  if (problem) throw new ApiError("validation_error", { message: `${field} ${problem}`, details: [{ field, message: problem }] });
  return slug;
}

export const PROMPT_SLUG_REGEX_SOURCE = `^${SLUG_PART}$`;
