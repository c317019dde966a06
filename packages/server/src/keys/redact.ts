// Anything that starts like a key, complete or not: a truncated key is still a secret.
const KEY_LIKE = /sk_(live|test)_[0-9A-Za-z]+/g;

/**
 * Replaces every key-shaped run in a text by its prefix and an ellipsis, for text that is
 * echoed back or logged (URLs, field names): people paste keys in the wrong places.
 *
 * @example redactKeys("/v1/health?key=sk_live_KWca3u…") // "/v1/health?key=sk_live_…"
 */
export function redactKeys(text: string): string {
  return text.replace(KEY_LIKE, "sk_$1_…");
}
