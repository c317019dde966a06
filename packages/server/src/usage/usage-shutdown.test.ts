import { afterEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { openStore } from "../store/index.js";
import { runCliJson, startServerProcess, tempDataDir } from "../test-support/processes.js";
import { bearer, startTestKeyward } from "../test-support/test-keyward.js";
import { UsageService } from "./usage-service.js";
import { UsageStore } from "./usage-store.js";

async function storedUsage(options: { dataDir: string; databaseUrl?: string | undefined }, workspaceId: string) {
  const store = await openStore(options);
  try {
    const series = await new UsageService(new UsageStore(store.db)).series({ workspaceId, granularity: "day" });
    const lastUse = await new UsageStore(store.db).lastUse(workspaceId);
    const today = series.buckets.at(-1)!;
    return { requests: today.requests, credits: today.credits, outcomes: today.outcomes, lastUse };
  } finally {
    await store.close();
  }
}

describe("usage at shutdown", () => {
  it("writes every counted request, credit and client IP when the runtime closes", async () => {
    const kw = await startTestKeyward({ KEYWARD_USAGE_FLUSH_MS: "3600000" });
    try {
      kw.keyward.app.post("/v1/test-only/charged", { config: { auth: {}, cost: 4 } }, () => ({ ok: true }));
      const workspace = await kw.createWorkspace("acme");
      const { id, secret } = await kw.issueKey(workspace);
      for (let i = 0; i < 7; i++) {
        await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: bearer(secret), remoteAddress: "203.0.113.7" });
      }
      await kw.keyward.app.inject({ method: "POST", url: "/v1/test-only/charged", headers: bearer(secret), remoteAddress: "203.0.113.7" });
      expect(kw.keyward.usage.pendingRequests).toBe(8);
      await kw.keyward.close();
      const stored = await storedUsage({ dataDir: kw.dataDir, databaseUrl: kw.config.databaseUrl }, workspace.id);
      expect(stored).toMatchObject({ requests: 8, credits: 4, outcomes: { ok: 8 } });
      expect(stored.lastUse).toEqual([{ keyId: id, at: expect.any(Number), ip: "203.0.113.7" }]);
    } finally {
      await kw.close();
    }
  });

  describe("of the real server", () => {
    let data: ReturnType<typeof tempDataDir>;
    afterEach(() => {
      data.remove();
    });

    it("loses nothing on SIGTERM", async () => {
      data = tempDataDir();
      const workspace = await runCliJson<{ id: string }>(data.dir, ["workspaces", "create", "acme"]);
      const issued = await runCliJson<{ key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Shutdown"]);
      // A flush interval far longer than the test: only the shutdown flush can write these.
      const server = await startServerProcess(data.dir, { KEYWARD_USAGE_FLUSH_MS: "3600000" });
      let exitCode: number | null;
      try {
        for (let i = 0; i < 12; i++) {
          const response = await fetch(`${server.url}/v1/health`, { headers: bearer(issued.key) });
          expect(response.status).toBe(200);
        }
        expect((await fetch(`${server.url}/v1/health`, { headers: bearer(generateApiKey("live")) })).status).toBe(401);
      } finally {
        exitCode = await server.stop("SIGTERM");
      }
      expect(exitCode).toBe(0);
      const stored = await storedUsage({ dataDir: data.dir }, workspace.id);
      expect(stored).toMatchObject({ requests: 12, outcomes: { ok: 12 } });
      expect(stored.lastUse[0]!.ip).toBe("127.0.0.1");
    });
  });
});
