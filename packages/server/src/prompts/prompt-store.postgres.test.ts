import { openPostgresTestStore } from "../test-support/driver-stores.js";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { describePromptStoreConformance } from "./prompt-store.conformance.js";

const baseUrl = await postgresForTests("the PostgreSQL prompt store suite");

describePromptStoreConformance("PostgreSQL", async () => (baseUrl ? openPostgresTestStore(baseUrl) : null));
