import { tmpdir } from "node:os";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { createTestSchema } from "../test-support/postgres-schema.js";
import { openStore } from "./open-store.js";
import { describeStoreConformance } from "./store.conformance.js";

const baseUrl = await postgresForTests("the PostgreSQL store conformance suite");

describeStoreConformance("PostgreSQL", async () => {
  if (!baseUrl) return null;
  const schema = await createTestSchema(baseUrl);
  const store = await openStore({ dataDir: tmpdir(), databaseUrl: schema.url });
  return {
    store,
    async cleanup() {
      await store.close();
      await schema.drop();
    },
  };
});
