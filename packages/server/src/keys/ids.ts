import { generateRandomBase62 } from "./base62.js";

export type IdPrefix = "key" | "ws" | "usr" | "pr" | "inv" | "ses" | "ctx" | "task" | "aud";

/**
 * Typed, prefixed identifiers (`key_…`, `ws_…`): readable in logs, impossible to confuse.
 *
 * @example newId("key") // "key_3kTMd0Cq1l8SzU9bV2xw7a"
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${generateRandomBase62(22)}`;
}
