import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, keyHint, newId } from "../keys/index.js";
import { CHANGE_CHANNEL, openStore, type KyselyStore } from "../store/index.js";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { createTestSchema, type TestSchema } from "../test-support/postgres-schema.js";
import { PostgresChangeListener } from "./postgres-change-listener.js";

const baseUrl = await postgresForTests("the PostgreSQL change listener tests");

describe.skipIf(!baseUrl)("PostgresChangeListener", () => {
  let schema: TestSchema | undefined;
  let store: KyselyStore | undefined;
  let listener: PostgresChangeListener | undefined;

  afterEach(async () => {
    await listener?.stop();
    await store?.close();
    await schema?.drop();
  });

  it("is woken by a revocation committed through the store", async () => {
    schema = await createTestSchema(baseUrl!);
    store = await openStore({ dataDir: tmpdir(), databaseUrl: schema.url });
    const workspaceId = newId("ws");
    await store.createWorkspace({ id: workspaceId, slug: `n-${Date.now()}`, name: "n", visibility: "private", subscriptionStatus: "active", plan: "free", createdAt: Date.now() });
    const secret = generateApiKey("live");
    const keyId = newId("key");
    await store.insertKey({
      id: keyId, workspaceId, name: "n", environment: "live", scopes: [], keyHash: hashApiKey(secret), hint: keyHint(secret),
      createdAt: Date.now(), createdBy: null, lastUsedAt: null, expiresAt: null, revokedAt: null, replacesKeyId: null, replacedByKeyId: null,
    });

    let wakeUps = 0;
    let woken: () => void = () => {};
    const wokenAfterRevoke = new Promise<void>((resolve) => (woken = resolve));
    listener = new PostgresChangeListener(schema.url, CHANGE_CHANNEL, () => {
      wakeUps++;
      if (wakeUps === 2) woken(); // the first wake-up is the catch-up read after LISTEN
    });
    await listener.start();
    await store.revokeKey(keyId, Date.now());
    await wokenAfterRevoke;
    expect(wakeUps).toBe(2);
  });
});
