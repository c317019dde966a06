import { openPostgresTestStore } from "../test-support/driver-stores.js";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { describeStoreConformance } from "./store.conformance.js";

const baseUrl = await postgresForTests("the PostgreSQL store conformance suite");

describeStoreConformance("PostgreSQL", async () => (baseUrl ? openPostgresTestStore(baseUrl) : null));
