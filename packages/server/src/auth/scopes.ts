/** Every permission a key can carry. */
export const SCOPES = [
  "prompts:read",
  "prompts:list",
  "prompts:write",
  "monitor:run",
  "keys:read",
  "keys:write",
  "usage:read",
] as const;

export type Scope = (typeof SCOPES)[number];

/** What a key gets when nobody asks for scopes: everyday use, no management rights. */
export const DEFAULT_SCOPES: readonly Scope[] = ["prompts:read", "prompts:list", "monitor:run"];

const SCOPE_SET: ReadonlySet<string> = new Set(SCOPES);

export function isScope(value: string): value is Scope {
  return SCOPE_SET.has(value);
}

/** Returns the unknown entries of a scope list (empty when all are valid). */
export function findUnknownScopes(values: readonly string[]): string[] {
  return values.filter((value) => !SCOPE_SET.has(value));
}

/** Sorted, de-duplicated scopes in catalog order, so stored lists compare equal. */
export function normalizeScopes(values: readonly Scope[]): Scope[] {
  const wanted = new Set(values);
  return SCOPES.filter((scope) => wanted.has(scope));
}
