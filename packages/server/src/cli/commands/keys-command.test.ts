import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isWellFormedKey, keyHint } from "../../keys/index.js";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

interface IssuedJson {
  id: string;
  key: string;
  name: string;
  environment: string;
  scopes: string[];
  hint: string;
  createdAt: string;
  expiresAt: string | null;
}

const ISSUED_FIELDS = ["createdAt", "environment", "expiresAt", "hint", "id", "key", "name", "scopes"];

describe("keyward keys", () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
  });

  const create = (...extra: string[]) =>
    runCliJson<IssuedJson>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Production Server", ...extra]);

  it("create --json prints one JSON document with the key and its settings, everyday scopes by default", async () => {
    const result = await runCli(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Production Server", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const issued: IssuedJson = JSON.parse(result.stdout);
    expect(Object.keys(issued)).toEqual(expect.arrayContaining(ISSUED_FIELDS));
    expect(issued).toMatchObject({
      id: expect.stringMatching(/^key_/),
      name: "Production Server",
      environment: "live",
      scopes: ["prompts:read", "prompts:list", "monitor:run"],
      expiresAt: null,
    });
    expect(isWellFormedKey(issued.key)).toBe(true);
    expect(issued.key.startsWith("sk_live_")).toBe(true);
    expect(issued.hint).toBe(keyHint(issued.key));
    expect(Date.parse(issued.createdAt)).not.toBeNaN();
  });

  it("create takes --env, --scopes and --expires-in", async () => {
    const before = Date.now();
    const issued = await create("--env", "test", "--scopes", "keys:write,prompts:read", "--expires-in", "30d");
    expect(issued.key.startsWith("sk_test_")).toBe(true);
    expect(issued.environment).toBe("test");
    expect(issued.scopes).toEqual(["prompts:read", "keys:write"]);
    const expiresAt = Date.parse(issued.expiresAt!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
    expect(expiresAt).toBeLessThan(Date.now() + 30 * 86_400_000 + 1_000);
  });

  it("create without --json shows the key once with a warning that it cannot be shown again", async () => {
    const result = await runCli(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Laptop"]);
    expect(result.code, result.stderr).toBe(0);
    const keys = result.stdout.match(/sk_live_[0-9A-Za-z]{42}/g) ?? [];
    expect(keys).toHaveLength(1);
    expect(isWellFormedKey(keys[0]!)).toBe(true);
    expect(result.stdout).toMatch(/cannot be shown again/i);
  });

  it("list never prints a secret, as a table or as JSON", async () => {
    const issued = await create();
    const table = await runCli(data.dir, ["keys", "list", "--workspace", "acme"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(issued.id);
    expect(table.stdout).toContain(issued.hint);
    const json = await runCli(data.dir, ["keys", "list", "--workspace", "acme", "--json"]);
    const listed = JSON.parse(json.stdout) as { keys: Array<Record<string, unknown>> };
    expect(listed.keys).toEqual([expect.objectContaining({ id: issued.id, hint: issued.hint, status: "active" })]);
    for (const output of [table.stdout, json.stdout]) {
      expect(output).not.toContain(issued.key);
      expect(output).not.toMatch(/sk_(live|test)_[0-9A-Za-z]{42}/);
    }
    expect(listed.keys[0]).not.toHaveProperty("key");
    expect(listed.keys[0]).not.toHaveProperty("keyHash");
  });

  it("list on an empty workspace says how to create a key", async () => {
    const result = await runCli(data.dir, ["keys", "list", "--workspace", "acme"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("keyward keys create");
    expect(JSON.parse((await runCli(data.dir, ["keys", "list", "--workspace", "acme", "--json"])).stdout)).toEqual({ keys: [] });
  });

  it("get --json shows one key without its secret", async () => {
    const issued = await create();
    const key = await runCliJson(data.dir, ["keys", "get", issued.id]);
    expect(key).toMatchObject({ id: issued.id, name: "Production Server", status: "active", lastUsedAt: null });
    expect(JSON.stringify(key)).not.toContain(issued.key);
  });

  it("revoke --json shows the key revoked", async () => {
    const issued = await create();
    const revoked = await runCliJson(data.dir, ["keys", "revoke", issued.id]);
    expect(revoked).toMatchObject({ id: issued.id, status: "revoked", revokedAt: expect.any(String) });
  });

  it("rotate --json has the shape of create plus replaces and oldKeyExpiresAt; without --grace the old key ends now", async () => {
    const old = await create("--scopes", "keys:read");
    const before = Date.now();
    const rotated = await runCliJson<IssuedJson & { replaces: string; oldKeyExpiresAt: string }>(data.dir, ["keys", "rotate", old.id]);
    expect(Object.keys(rotated)).toEqual(expect.arrayContaining([...ISSUED_FIELDS, "replaces", "oldKeyExpiresAt"]));
    expect(rotated).toMatchObject({ name: old.name, environment: "live", scopes: ["keys:read"], replaces: old.id });
    expect(rotated.id).not.toBe(old.id);
    expect(isWellFormedKey(rotated.key)).toBe(true);
    expect(Date.parse(rotated.oldKeyExpiresAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(rotated.oldKeyExpiresAt)).toBeGreaterThanOrEqual(before - 1_000);
    await expect(runCliJson(data.dir, ["keys", "get", old.id])).resolves.toMatchObject({ status: "expired", replacedByKeyId: rotated.id });
  });

  it("rotate --grace 24h keeps the old key until then", async () => {
    const old = await create();
    const before = Date.now();
    const rotated = await runCliJson<{ oldKeyExpiresAt: string }>(data.dir, ["keys", "rotate", old.id, "--grace", "24h"]);
    expect(Date.parse(rotated.oldKeyExpiresAt)).toBeGreaterThanOrEqual(before + 86_400_000 - 1_000);
    await expect(runCliJson(data.dir, ["keys", "get", old.id])).resolves.toMatchObject({ status: "active" });
  });

  it("rotate without --json prints the new key once and says the old one stopped", async () => {
    const old = await create();
    const result = await runCli(data.dir, ["keys", "rotate", old.id]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.match(/sk_live_[0-9A-Za-z]{42}/g)).toHaveLength(1);
    expect(result.stdout).not.toContain(old.key);
    expect(result.stdout).toMatch(/no longer works/);
  });

  it("rotate of an expiring key keeps the lifetime of the key it replaces", async () => {
    const old = await create("--expires-in", "7d");
    const rotated = await runCliJson<IssuedJson>(data.dir, ["keys", "rotate", old.id]);
    expect(rotated.expiresAt).not.toBeNull();
    const lifetime = Date.parse(rotated.expiresAt!) - Date.parse(rotated.createdAt);
    expect(lifetime).toBe(Date.parse(old.expiresAt!) - Date.parse(old.createdAt));
  });

  it("rotate of a revoked key is refused with exit code 1", async () => {
    const old = await create();
    await runCliJson(data.dir, ["keys", "revoke", old.id]);
    const result = await runCli(data.dir, ["keys", "rotate", old.id, "--json"]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^keyward: Key is revoked/);
  });
});
