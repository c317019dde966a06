import { openSqliteTestStore } from "../test-support/driver-stores.js";
import { describePromptStoreConformance } from "./prompt-store.conformance.js";

describePromptStoreConformance("SQLite", openSqliteTestStore);
