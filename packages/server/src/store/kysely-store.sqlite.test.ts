import { openSqliteTestStore } from "../test-support/driver-stores.js";
import { describeStoreConformance } from "./store.conformance.js";

describeStoreConformance("SQLite", openSqliteTestStore);
