import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateApiKey } from "../keys/index.js";
import { openTestStore, type TestStore } from "../test-support/test-store.js";
import { CLI_ACTOR, keyActor, userActor } from "./actor.js";
import { AuditLog } from "./audit-log.js";

describe("AuditLog", () => {
  let testStore: TestStore;
  let clock: { now: number };
  let audit: AuditLog;
  beforeEach(async () => {
    testStore = await openTestStore();
    clock = { now: 1_750_000_000_000 };
    audit = new AuditLog(testStore.store.db, () => clock.now);
  });
  afterEach(async () => {
    await testStore.close();
  });

  const ws = () => testStore.workspace.id;

  it("records an entry with its actor, target, ip and metadata", async () => {
    const entry = await audit.record({
      workspaceId: ws(),
      actor: keyActor("key_abc", "192.0.2.1"),
      action: "key.revoked",
      target: { type: "key", id: "key_def" },
      metadata: { name: "Production Server" },
    });
    expect(entry.id).toMatch(/^aud_[0-9A-Za-z]{22}$/);
    const { entries } = await audit.list(ws());
    expect(entries).toEqual([
      {
        id: entry.id,
        workspaceId: ws(),
        actor: { type: "key", id: "key_abc" },
        action: "key.revoked",
        target: { type: "key", id: "key_def" },
        ip: "192.0.2.1",
        metadata: { name: "Production Server" },
        createdAt: clock.now,
      },
    ]);
  });

  it("lists newest first, and entries of the same millisecond in the order they were written", async () => {
    for (let i = 0; i < 70; i++) await audit.record({ workspaceId: ws(), actor: CLI_ACTOR, action: "key.created", metadata: { i } });
    const { entries } = await audit.list(ws(), { limit: 200 });
    expect(entries.map((e) => e.metadata.i)).toEqual([...Array(70).keys()].reverse());
  });

  it("pages with a cursor without skipping or repeating an entry", async () => {
    for (let i = 0; i < 7; i++) {
      clock.now += i % 2; // some share a millisecond
      await audit.record({ workspaceId: ws(), actor: CLI_ACTOR, action: "key.created", metadata: { i } });
    }
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit.list(ws(), { limit: 3, cursor });
      seen.push(...page.entries.map((e) => e.metadata.i));
      cursor = page.cursor ?? undefined;
      expect(page.hasMore).toBe(cursor !== undefined);
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it("filters by action, actor and time range, and keeps workspaces apart", async () => {
    const other = await testStore.createWorkspace("other");
    await audit.record({ workspaceId: ws(), actor: userActor("usr_a"), action: "member.added" });
    clock.now += 1000;
    await audit.record({ workspaceId: ws(), actor: userActor("usr_b"), action: "key.created" });
    clock.now += 1000;
    await audit.record({ workspaceId: ws(), actor: userActor("usr_a"), action: "key.created" });
    await audit.record({ workspaceId: other.id, actor: userActor("usr_a"), action: "key.created" });
    const actions = async (options: Parameters<AuditLog["list"]>[1]) => (await audit.list(ws(), options)).entries.map((e) => [e.action, e.actor.id]);
    expect(await actions({ action: "key.created" })).toEqual([["key.created", "usr_a"], ["key.created", "usr_b"]]);
    expect(await actions({ actorId: "usr_a" })).toEqual([["key.created", "usr_a"], ["member.added", "usr_a"]]);
    expect(await actions({ from: clock.now - 1000, to: clock.now })).toEqual([["key.created", "usr_b"]]);
  });

  it("refuses a bad cursor and an empty time range", async () => {
    await expect(audit.list(ws(), { cursor: "garbage" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(audit.list(ws(), { from: 10, to: 10 })).rejects.toMatchObject({ code: "validation_error" });
  });

  it("refuses metadata carrying a key, and writes nothing then", async () => {
    const secret = generateApiKey("live");
    await expect(audit.record({ workspaceId: ws(), actor: CLI_ACTOR, action: "key.created", metadata: { oops: secret } })).rejects.toThrow(TypeError);
    expect((await audit.list(ws())).entries).toEqual([]);
  });

  it("writes a sign-in into every workspace of the user", async () => {
    const other = await testStore.createWorkspace("other");
    await audit.recordSignIn({ userId: "usr_a", ip: "192.0.2.9", workspaceIds: [ws(), other.id] });
    for (const id of [ws(), other.id]) {
      const { entries } = await audit.list(id);
      expect(entries).toMatchObject([{ action: "user.signed_in", actor: { type: "user", id: "usr_a" }, ip: "192.0.2.9" }]);
    }
  });

  it("offers no way to change history, and the database refuses updates and deletes", async () => {
    expect(Object.getOwnPropertyNames(AuditLog.prototype).sort()).toEqual(["constructor", "list", "record", "recordSignIn"]);
    const entry = await audit.record({ workspaceId: ws(), actor: CLI_ACTOR, action: "key.created" });
    const db = testStore.store.db;
    await expect(db.updateTable("audit_entries").set({ action: "key.revoked" }).where("id", "=", entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_entries").where("id", "=", entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`select count(*) as n from audit_entries`.execute(db)).resolves.toMatchObject({ rows: [{ n: 1 }] });
  });
});
