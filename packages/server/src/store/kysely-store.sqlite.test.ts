import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore } from "./open-store.js";
import { describeStoreConformance } from "./store.conformance.js";

describeStoreConformance("SQLite", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-store-"));
  const store = await openStore({ dataDir });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
