import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../store/index.js";
import { runCliJson, tempDataDir } from "../test-support/processes.js";
import { AuditLog } from "./audit-log.js";

// Each step starts the real binary: give a loaded machine time.
describe("audit entries for CLI actions", { timeout: 90_000 }, () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(() => {
    data = tempDataDir();
  });
  afterEach(() => {
    data.remove();
  });

  it("writes one entry per action with the CLI as actor, and creates keys on behalf of the owner", async () => {
    const workspace = await runCliJson<{ id: string }>(data.dir, ["workspaces", "create", "acme"]);
    const before = await runCliJson<{ id: string; key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Before owner"]);
    const ada = await runCliJson<{ id: string }>(data.dir, ["users", "create", "--email", "ada@example.com"]);
    await runCliJson(data.dir, ["members", "add", "acme", "ada@example.com", "--role", "owner"]);
    const key = await runCliJson<{ id: string; key: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "CI"]);
    const rotated = await runCliJson<{ id: string; key: string }>(data.dir, ["keys", "rotate", key.id, "--grace", "1h"]);
    await runCliJson(data.dir, ["keys", "revoke", rotated.id]);
    await runCliJson(data.dir, ["workspaces", "set-subscription", "acme", "past_due"]);
    await runCliJson(data.dir, ["invitations", "create", "acme", "bob@example.com"]);

    const store = await openStore({ dataDir: data.dir });
    try {
      await expect(store.findKeyById(before.id)).resolves.toMatchObject({ createdBy: null });
      await expect(store.findKeyById(key.id)).resolves.toMatchObject({ createdBy: ada.id });
      const { entries } = await new AuditLog(store.db).list(workspace.id);
      expect(entries.reverse().map((e) => e.action)).toEqual([
        "workspace.created",
        "key.created",
        "member.added",
        "key.created",
        "key.rotated",
        "key.revoked",
        "workspace.subscription_changed",
        "member.invited",
      ]);
      for (const entry of entries) expect(entry.actor).toEqual({ type: "cli", id: null });
      const text = JSON.stringify(entries);
      for (const secret of [before.key, key.key, rotated.key]) expect(text).not.toContain(secret);
    } finally {
      await store.close();
    }
  });
});
