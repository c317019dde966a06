import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliJson, startServerProcess, tempDataDir, type ServerProcess } from "./test-support/processes.js";

// The promise: a revoke or rotate done from the CLI takes effect in a running server within 1 second.
const PROPAGATION_MS = 1_000;

describe("the real server with the CLI next to it", () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: ServerProcess | undefined;
  // One server for the file: each test works with keys of its own.
  beforeAll(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
    server = await startServerProcess(data.dir);
  });
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  const createKey = () => runCliJson<{ id: string; key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Server test"]);
  const health = async (secret: string) =>
    (await fetch(`${server!.url}/v1/health`, { headers: { authorization: `Bearer ${secret}` } })).status;

  /** Polls until the key gets `status`; fails if that takes longer than the promise allows. */
  async function expectStatusWithin(secret: string, status: number, sinceMs: number): Promise<void> {
    let last = 0;
    while (Date.now() - sinceMs <= PROPAGATION_MS) {
      last = await health(secret);
      if (last === status) return;
      await sleep(25);
    }
    expect.fail(`expected ${status} within ${PROPAGATION_MS} ms of the CLI command, still got ${last}`);
  }

  it("serves a key the CLI created, and refuses it within a second of `keys revoke`", { timeout: 60_000 }, async () => {
    const { id, key } = await createKey();
    expect(await health(key)).toBe(200);
    expect(await health(key)).toBe(200); // now cached in the server
    await runCliJson(data.dir, ["keys", "revoke", id]);
    await expectStatusWithin(key, 401, Date.now());
    const response = await fetch(`${server!.url}/v1/health`, { headers: { authorization: `Bearer ${key}` } });
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Invalid API key" } });
  });

  it("after `keys rotate --grace 1h` both keys work; after `keys rotate` the old one stops within a second", { timeout: 60_000 }, async () => {
    const graced = await createKey();
    const ended = await createKey();
    expect(await health(graced.key)).toBe(200);
    expect(await health(ended.key)).toBe(200);

    const withGrace = await runCliJson<{ key: string }>(data.dir, ["keys", "rotate", graced.id, "--grace", "1h"]);
    const withoutGrace = await runCliJson<{ key: string }>(data.dir, ["keys", "rotate", ended.id]);
    await expectStatusWithin(ended.key, 401, Date.now());
    // The server has applied the later rotation, so it has applied the earlier one too.
    expect(await health(graced.key)).toBe(200);
    expect(await health(withGrace.key)).toBe(200);
    expect(await health(withoutGrace.key)).toBe(200);
  });

  it("answers /livez and /readyz without a key", { timeout: 60_000 }, async () => {
    expect((await fetch(`${server!.url}/livez`)).status).toBe(200);
    const ready = await fetch(`${server!.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
});
