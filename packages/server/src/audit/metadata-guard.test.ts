import { describe, expect, it } from "vitest";
import { generateApiKey, keyHint } from "../keys/index.js";
import { assertNoSecrets } from "./metadata-guard.js";

describe("assertNoSecrets", () => {
  it("accepts names, hints, scopes and old/new values", () => {
    const hint = keyHint(generateApiKey("live"));
    expect(() => assertNoSecrets({ name: "Production", hint, scopes: ["keys:read"], changes: { name: { from: "a", to: "b" } } })).not.toThrow();
  });

  it("refuses a live or test key anywhere in the metadata", () => {
    expect(() => assertNoSecrets({ note: `leaked ${generateApiKey("live")}` })).toThrow(/looks like an API key/);
    expect(() => assertNoSecrets({ list: [{ deep: generateApiKey("test") }] })).toThrow(/metadata\.list\[0\]\.deep/);
  });

  it.each(["key", "secret", "token", "password", "passwordHash", "keyHash", "tokenHash"])("refuses a field named %s", (field) => {
    expect(() => assertNoSecrets({ [field]: "x" })).toThrow(/secret field/);
  });

  it("never repeats the secret in its message", () => {
    const key = generateApiKey("live");
    expect(() => assertNoSecrets({ note: key })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(key) }) as Error);
  });
});
