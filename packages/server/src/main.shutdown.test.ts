import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliJson, startServerProcess, tempDataDir } from "./test-support/processes.js";

describe("the real server on SIGTERM", () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
  });

  it("flushes usage before exiting: the key's lastUsedAt is set afterwards", { timeout: 60_000 }, async () => {
    const { id, key } = await runCliJson<{ id: string; key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Flush"]);
    // A flush interval longer than the test: only the shutdown can write the usage.
    const server = await startServerProcess(data.dir, { KEYWARD_USAGE_FLUSH_MS: "3600000" });
    try {
      const response = await fetch(`${server.url}/v1/health`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
      await expect(runCliJson(data.dir, ["keys", "get", id])).resolves.toMatchObject({ lastUsedAt: null });
    } finally {
      expect(await server.stop("SIGTERM")).toBe(0);
    }
    expect(server.output()).toContain("shutting down");
    const after = await runCliJson<{ lastUsedAt: string | null }>(data.dir, ["keys", "get", id]);
    expect(after.lastUsedAt).not.toBeNull();
    expect(Date.now() - Date.parse(after.lastUsedAt!)).toBeLessThan(60_000);
  });

  it("keeps its data across a restart", { timeout: 60_000 }, async () => {
    const { key } = await runCliJson<{ key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Restart"]);
    for (let run = 0; run < 2; run++) {
      const server = await startServerProcess(data.dir);
      try {
        expect((await fetch(`${server.url}/v1/health`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      } finally {
        expect(await server.stop("SIGTERM")).toBe(0);
      }
    }
  });
});
