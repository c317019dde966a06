import type { Scope } from "../../api/types";

/** Every scope with what it allows, in the order the server lists them. */
export const SCOPE_LABELS: Record<Scope, string> = {
  "prompts:read": "Read prompts",
  "prompts:list": "List prompts",
  "prompts:write": "Create, edit and publish prompts",
  "monitor:run": "Run the monitor (uses credits)",
  "keys:read": "List keys",
  "keys:write": "Create, rotate and revoke keys",
  "usage:read": "Read usage",
};

/** What a new key gets unless the creator changes it: everyday use, no management rights. */
export const DEFAULT_KEY_SCOPES: Scope[] = ["prompts:read", "prompts:list", "monitor:run"];

export function isScope(value: string): value is Scope {
  return value in SCOPE_LABELS;
}
