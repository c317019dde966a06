import { findUnknownScopes, SCOPES, type Scope } from "../auth/index.js";
import { parseDurationSeconds } from "../config/index.js";
import { UsageError } from "./cli-errors.js";

export function parseScopeList(raw: string): Scope[] {
  const scopes = raw
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = findUnknownScopes(scopes);
  if (unknown.length > 0) {
    throw new UsageError(`unknown scope ${unknown.join(", ")}; valid scopes: ${SCOPES.join(", ")}`);
  }
  if (scopes.length === 0) throw new UsageError("--scopes needs at least one scope");
  return scopes as Scope[];
}

export function parseDurationOption(raw: string, option: string): number {
  const seconds = parseDurationSeconds(raw);
  if (seconds === null) throw new UsageError(`${option} takes a duration such as 30d, 24h, 90m or 45s, got "${raw}"`);
  return seconds;
}
