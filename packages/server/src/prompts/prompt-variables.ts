/** The types a `{{name:type}}` placeholder may declare; `string` when none is given. */
export const VARIABLE_TYPES = ["string", "number", "boolean", "array", "object"] as const;

export type VariableType = (typeof VARIABLE_TYPES)[number];

/** A variable a prompt's content declares. */
export interface VariableDeclaration {
  name: string;
  type: VariableType;
  description: string | null;
}

export type VariableParse = { ok: true; variables: VariableDeclaration[] } | { ok: false; problems: string[] };

/**
 * `{{name}}`, `{{name:type}}`, `{{name:type // description}}` (spaces allowed around each part).
 * Anything else in double braces (`{{#each}}`, `{{ two words }}`) is plain text, left as written.
 */
export const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*([A-Za-z]+)\s*)?(?:\/\/\s*((?:(?!\}\}).)*?)\s*)?\}\}/g;

function isVariableType(value: string): value is VariableType {
  return (VARIABLE_TYPES as readonly string[]).includes(value);
}

/**
 * Reads the variables a content declares, in order of first appearance. A name may appear
 * many times; it must keep one type. Unknown types are problems, not silent strings, so a
 * typo (`{{count:nubmer}}`) is caught when the prompt is saved rather than when it is used.
 *
 * @example parseVariables("Hi {{name}}, you have {{count:number // unread}} messages")
 * // { ok: true, variables: [{ name: "name", type: "string", description: null },
 * //                         { name: "count", type: "number", description: "unread" }] }
 */
export function parseVariables(content: string): VariableParse {
  const byName = new Map<string, { declaration: VariableDeclaration; explicit: boolean }>();
  const problems: string[] = [];
  for (const match of content.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1]!;
    const explicit = match[2] !== undefined;
    const type = (match[2] ?? "string").toLowerCase();
    const description = match[3] ? match[3] : null;
    if (!isVariableType(type)) {
      problems.push(`variable "${name}" has unknown type "${match[2]}"; use one of ${VARIABLE_TYPES.join(", ")}`);
      continue;
    }
    const seen = byName.get(name);
    if (!seen) {
      byName.set(name, { declaration: { name, type, description }, explicit });
      continue;
    }
    // A bare `{{name}}` refers to the variable declared elsewhere; only explicit types must agree.
    if (explicit && !seen.explicit) {
      seen.declaration.type = type;
      seen.explicit = true;
    } else if (explicit && seen.declaration.type !== type) {
      problems.push(`variable "${name}" is declared as both ${seen.declaration.type} and ${type}`);
    }
    if (seen.declaration.description === null && description !== null) seen.declaration.description = description;
  }
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, variables: [...byName.values()].map((entry) => entry.declaration) };
}
