import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_SCOPES, keyApi } from "./test-support/key-api.js";
import { runCliJson } from "./test-support/processes.js";
import { bearer, startTestKeyward, type TestKeyward } from "./test-support/test-keyward.js";

/** Every file of the data directory (keyward.db, -wal, -shm) as raw bytes in one string. */
function dataFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) files.set(name, readFileSync(path.join(dir, name)).toString("latin1"));
  return files;
}

describe("a created key's secret", () => {
  let kw: TestKeyward;
  beforeEach(async () => {
    // SQLite on purpose (DATABASE_URL empty): this test reads the database files themselves.
    kw = await startTestKeyward({ DATABASE_URL: "", KEYWARD_LOG_REQUESTS: "true", LOG_LEVEL: "trace", KEYWARD_USAGE_FLUSH_MS: "10" });
  });
  afterEach(async () => {
    await kw.close();
  });

  it("never appears in the logs nor in the SQLite files after use through the API and the CLI", { timeout: 60_000 }, async () => {
    const workspace = await kw.createWorkspace("acme");
    const admin = await kw.issueKey(workspace, { scopes: [...ALL_SCOPES] });
    const api = keyApi(kw, admin.secret);
    const secrets = [admin.secret];

    // Through the API: create, use, rotate, change, revoke, and the mistakes people make.
    const created = (await api.create({ name: "API key", scopes: ["keys:read"] })).json();
    secrets.push(created.key);
    expect((await keyApi(kw, created.key).health()).statusCode).toBe(200);
    const rotated = (await api.rotate(created.id, { gracePeriodSeconds: 60 })).json();
    secrets.push(rotated.key);
    expect((await keyApi(kw, rotated.key).list()).statusCode).toBe(200);
    await api.patch(rotated.id, { name: "Renamed" });
    await api.revoke(rotated.id);
    await keyApi(kw, rotated.key).health();
    await kw.keyward.app.inject({ method: "GET", url: `/v1/health?api_key=${created.key}` });
    await kw.keyward.app.inject({ method: "GET", url: `/v1/keys/${created.key}`, headers: bearer(admin.secret) });
    await kw.keyward.app.inject({ method: "GET", url: "/v1/health", headers: { authorization: created.key } });
    await kw.keyward.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: { ...bearer(admin.secret), "content-type": "application/json" },
      payload: `{"name": "${created.key}`,
    });
    await api.create({ name: "x", [created.key]: true });

    // Through the CLI, on the same data directory while the app has it open.
    await runCliJson(kw.dataDir, ["workspaces", "list"]);
    const cli = await runCliJson<{ id: string; key: string }>(kw.dataDir, ["keys", "create", "--workspace", "acme", "--name", "CLI key"]);
    secrets.push(cli.key);
    expect((await keyApi(kw, cli.key).health()).statusCode).toBe(200);
    const cliRotated = await runCliJson<{ key: string }>(kw.dataDir, ["keys", "rotate", cli.id, "--grace", "1h"]);
    secrets.push(cliRotated.key);
    expect((await keyApi(kw, cliRotated.key).health()).statusCode).toBe(200);
    await kw.keyward.usage.flush();

    const whileOpen = dataFiles(kw.dataDir);
    expect([...whileOpen.keys()]).toEqual(expect.arrayContaining(["keyward.db"]));
    await kw.keyward.close();
    const afterClose = dataFiles(kw.dataDir);

    const logs = kw.logs();
    expect(logs).toContain("incoming request");
    for (const secret of secrets) {
      const randomPart = secret.slice(8, 44);
      expect(logs, "logs").not.toContain(randomPart);
      for (const [name, bytes] of [...whileOpen, ...afterClose]) expect(bytes.includes(randomPart), name).toBe(false);
    }
    // What is stored instead: the hint, so the scan above would have found a plaintext.
    expect(afterClose.get("keyward.db")).toContain(cli.key.slice(0, 12));
  });
});
