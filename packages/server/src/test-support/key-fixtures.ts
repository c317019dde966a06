import { generateApiKey, hashApiKey, keyHint, newId, type KeyEnvironment } from "../keys/index.js";
import type { KeyRecord } from "../store/index.js";

/**
 * A stored key and its secret, for unit tests that need one without a database.
 *
 * @example const { record, secret } = keyFixture({ scopes: ["keys:read"] });
 */
export function keyFixture(overrides: Partial<KeyRecord> & { environment?: KeyEnvironment } = {}): {
  record: KeyRecord;
  secret: string;
} {
  const secret = generateApiKey(overrides.environment ?? "live");
  const record: KeyRecord = {
    id: newId("key"),
    workspaceId: "ws_fixture",
    name: "Fixture key",
    environment: overrides.environment ?? "live",
    scopes: ["prompts:read"],
    keyHash: hashApiKey(secret),
    hint: keyHint(secret),
    createdAt: 1_700_000_000_000,
    createdBy: null,
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    replacesKeyId: null,
    replacedByKeyId: null,
    ...overrides,
  };
  return { record, secret };
}

/** A promise with its resolve and reject, for tests that decide when storage answers. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
