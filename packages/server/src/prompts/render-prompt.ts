import { ApiError, type FieldProblem } from "../errors/index.js";
import { PLACEHOLDER_PATTERN, type VariableDeclaration, type VariableType } from "./prompt-variables.js";

/** Values for a prompt's variables, as they arrive in a request body. */
export type VariableValues = Readonly<Record<string, unknown>>;

const ARTICLE: Record<VariableType, string> = {
  string: "a string",
  number: "a number",
  boolean: "a boolean",
  array: "an array",
  object: "an object",
};

function hasType(value: unknown, type: VariableType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

/**
 * Every declared variable that is missing or of the wrong type, in declaration order.
 * Values for names the content does not declare are ignored: a client may send one set
 * of values to several versions of a prompt.
 */
export function findVariableProblems(declared: readonly VariableDeclaration[], values: VariableValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const variable of declared) {
    const field = `variables.${variable.name}`;
    // Own properties only: `{{constructor}}` must not be satisfied by Object.prototype.
    if (!Object.hasOwn(values, variable.name) || values[variable.name] === undefined) {
      problems.push({ field, message: `is required (${variable.type})` });
    } else if (!hasType(values[variable.name], variable.type)) {
      problems.push({ field, message: `must be ${ARTICLE[variable.type]}` });
    }
  }
  return problems;
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * Substitutes every placeholder with its value (arrays and objects as JSON), after checking
 * all of them: one 400 names every missing or mistyped variable. Substitution is a single
 * pass, so a value that itself contains `{{other}}` stays literal text.
 *
 * @example renderContent("Hi {{name}}", [{ name: "name", type: "string", description: null }], { name: "Ada" }) // "Hi Ada"
 */
export function renderContent(content: string, declared: readonly VariableDeclaration[], values: VariableValues): string {
  const problems = findVariableProblems(declared, values);
  if (problems.length > 0) {
    throw new ApiError("validation_error", {
      message: `Invalid variables: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`,
      details: problems,
    });
  }
  const known = new Set(declared.map((variable) => variable.name));
  return content.replace(PLACEHOLDER_PATTERN, (placeholder: string, name: string) =>
    known.has(name) ? formatValue(values[name]) : placeholder,
  );
}
