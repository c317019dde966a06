import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../store/index.js";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";
import { createPeopleServices } from "../../workspaces/index.js";

// Each step starts the real binary: give a loaded machine time.
describe("keyward invitations", { timeout: 90_000 }, () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
  });

  it("create prints the token once, and the token admits the invited user once", async () => {
    const result = await runCli(data.dir, ["invitations", "create", "acme", "bob@example.com", "--role", "viewer"]);
    expect(result.code).toBe(0);
    const token = /\b(kwinv_[0-9A-Za-z]{40})\b/.exec(result.stdout)?.[1];
    expect(token).toBeDefined();
    expect(result.stdout).toMatch(/cannot be shown again/);
    const store = await openStore({ dataDir: data.dir });
    try {
      const people = createPeopleServices({ store, db: store.db });
      const bob = await people.users.create({ email: "bob@example.com" });
      await expect(people.invitations.accept(token!, bob.id)).resolves.toMatchObject({ role: "viewer" });
      await expect(people.invitations.accept(token!, bob.id)).rejects.toMatchObject({ code: "conflict" });
    } finally {
      await store.close();
    }
  });

  it("create --json includes the token, role, email and expiry", async () => {
    const invitation = await runCliJson(data.dir, ["invitations", "create", "acme", "Bob@Example.com"]);
    expect(invitation).toMatchObject({
      id: expect.stringMatching(/^inv_/),
      token: expect.stringMatching(/^kwinv_/),
      email: "bob@example.com",
      role: "member",
      status: "pending",
      workspace: "acme",
    });
    expect(Date.parse(invitation.expiresAt as string) - Date.parse(invitation.createdAt as string)).toBe(7 * 86_400_000);
  });

  it("exits 2 on a bad role or email, and 1 on an unknown workspace", async () => {
    expect((await runCli(data.dir, ["invitations", "create", "acme", "bob@example.com", "--role", "god"])).code).toBe(2);
    expect((await runCli(data.dir, ["invitations", "create", "acme", "not-an-email"])).code).toBe(2);
    expect((await runCli(data.dir, ["invitations", "create", "nope", "bob@example.com"])).code).toBe(1);
  });
});
