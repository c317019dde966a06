import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keyward } from "./client.js";
import { AuthenticationError, NotFoundError, PermissionDeniedError, ValidationError } from "./errors.js";
import { startRealKeyward, type RealKeyward } from "./test-support/real-keyward.js";

let server: RealKeyward;
let admin: Keyward;

beforeAll(async () => {
  server = await startRealKeyward();
  const { key } = await server.createWorkspaceWithKey("acme", ["keys:read", "keys:write", "prompts:read"]);
  admin = new Keyward({ apiKey: key, baseUrl: server.baseUrl });
});

afterAll(async () => {
  await server?.close();
});

describe("SDK against a real Keyward: errors", () => {
  it("throws AuthenticationError for a revoked key, without the key in the message", async () => {
    const issued = await admin.keys.create({ name: "revoked soon", scopes: ["prompts:read"] });
    const client = new Keyward({ apiKey: issued.key, baseUrl: server.baseUrl });
    await expect(client.health()).resolves.toMatchObject({ status: "ok" });
    await admin.keys.revoke(issued.id);
    const error = await client.health().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized", message: "Invalid API key" });
    expect(JSON.stringify(error)).not.toContain(issued.key);
    expect(String(error)).not.toContain(issued.key);
  });

  it("throws AuthenticationError for a well-formed key the server never issued", async () => {
    const client = new Keyward({ apiKey: "sk_live_KWca3u3QdQSySsT7c3BqyMktFvtm2qyB1CC90meqyC", baseUrl: server.baseUrl });
    await expect(client.health()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("throws PermissionDeniedError when the key lacks the scope", async () => {
    const issued = await admin.keys.create({ name: "prompts only", scopes: ["prompts:read"] });
    const client = new Keyward({ apiKey: issued.key, baseUrl: server.baseUrl });
    const drain = async () => {
      for await (const _ of client.keys.list()) {
        // the first page is refused
      }
    };
    await expect(drain()).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("throws PermissionDeniedError when a key tries to grant a scope it lacks", async () => {
    await expect(admin.keys.create({ name: "too strong", scopes: ["usage:read"] })).rejects.toMatchObject({ name: "PermissionDeniedError", status: 403 });
  });

  it("throws NotFoundError for an unknown key id", async () => {
    await expect(admin.keys.get("key_doesnotexist")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("throws ValidationError listing the fields at fault", async () => {
    const error = await admin.keys.create({ name: "", scopes: ["prompts:read"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((problem) => problem.field)).toContain("name");
  });
});
