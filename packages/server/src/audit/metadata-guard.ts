/** Field names that only ever hold secrets (or material that unlocks one). */
const SECRET_FIELDS = new Set(["key", "secret", "token", "password", "passwordhash", "keyhash", "tokenhash", "hash"]);

// Anything shaped like a Keyward key, wherever it hides in a string.
const KEY_PATTERN = /sk_(?:live|test)_[0-9A-Za-z]{8}/;

/**
 * Throws when audit metadata carries a secret: a field named like one, or a string that
 * contains a Keyward key. The audit log is read by every admin of a workspace and kept
 * forever, so a leak there could never be cleaned up; failing loudly is the only safe
 * answer to a caller's mistake.
 */
export function assertNoSecrets(value: unknown, path = "metadata"): void {
  if (typeof value === "string") {
    if (KEY_PATTERN.test(value)) throw new TypeError(`${path} looks like an API key; audit metadata never holds secrets`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertNoSecrets(item, `${path}[${index}]`));
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [field, inner] of Object.entries(value)) {
      if (SECRET_FIELDS.has(field.toLowerCase())) {
        throw new TypeError(`${path}.${field} is a secret field; audit metadata never holds secrets`);
      }
      assertNoSecrets(inner, `${path}.${field}`);
    }
  }
}
