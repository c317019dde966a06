import { ApiError } from "../errors/index.js";
import type { VariableDeclaration } from "./prompt-variables.js";

function coerce(raw: string, declared: VariableDeclaration | undefined): unknown {
  switch (declared?.type) {
    case "number": {
      const value = Number(raw);
      return raw.trim() !== "" && Number.isFinite(value) ? value : raw;
    }
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    case "array":
    case "object":
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    default:
      return raw;
  }
}

/**
 * Turns `--var name=value` pairs into typed values using the prompt's declarations: numbers
 * and booleans from their text, arrays and objects from JSON. A value that does not convert
 * stays a string, so the usual validation names it as mistyped.
 *
 * @example coerceCliVariables(["count=3", "name=Ada"], [{ name: "count", type: "number", description: null }])
 * // { count: 3, name: "Ada" }
 */
export function coerceCliVariables(pairs: readonly string[], declared: readonly VariableDeclaration[]): Record<string, unknown> {
  const byName = new Map(declared.map((variable) => [variable.name, variable]));
  const values: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    const name = equals > 0 ? pair.slice(0, equals).trim() : "";
    if (name === "") {
      throw new ApiError("validation_error", {
        message: `--var takes name=value, got "${pair.slice(0, 40)}"`,
        details: [{ field: "--var", message: "must be name=value" }],
      });
    }
    values[name] = coerce(pair.slice(equals + 1), byName.get(name));
  }
  return values;
}
