import * as argon2 from "@node-rs/argon2";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openPeopleTestbed, type PeopleTestbed } from "../test-support/people-testbed.js";

// Counts argon2 verifications while keeping the real ones.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

const PASSWORD = "correct horse battery staple";

describe("UserService", () => {
  let bed: PeopleTestbed;
  beforeEach(async () => {
    bed = await openPeopleTestbed();
    vi.mocked(argon2.verify).mockClear();
  });
  afterEach(async () => {
    await bed.close();
  });

  it("creates a user with a usr_ id, a normalised email and a default display name", async () => {
    const user = await bed.users.create({ email: "  Ada@Example.com " });
    expect(user).toMatchObject({ email: "ada@example.com", displayName: "ada", hasPassword: false });
    expect(user.id).toMatch(/^usr_[0-9A-Za-z]{22}$/);
    await expect(bed.users.findByEmail("ADA@example.COM")).resolves.toEqual(user);
    await expect(bed.users.findById(user.id)).resolves.toEqual(user);
  });

  it("stores the password only as an argon2id hash", async () => {
    const user = await bed.users.create({ email: "ada@example.com", displayName: "Ada Lovelace", password: PASSWORD });
    expect(user.hasPassword).toBe(true);
    const row = await bed.store.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it("refuses a second user with the same email in another case", async () => {
    await bed.users.create({ email: "ada@example.com" });
    await expect(bed.users.create({ email: "ADA@example.com" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a malformed email and a too-short password", async () => {
    await expect(bed.users.create({ email: "not-an-email" })).rejects.toMatchObject({ code: "validation_error" });
    await expect(bed.users.create({ email: "ada@example.com", password: "short" })).rejects.toMatchObject({
      code: "validation_error",
      details: [{ field: "password", message: "must be 8-256 characters" }],
    });
  });

  it("returns the user for the right password and null for a wrong one", async () => {
    const user = await bed.users.create({ email: "ada@example.com", password: PASSWORD });
    await expect(bed.users.verifyPassword("Ada@example.com", PASSWORD)).resolves.toEqual(user);
    await expect(bed.users.verifyPassword("ada@example.com", "wrong password!")).resolves.toBeNull();
  });

  it("still spends one argon2 verification for an unknown email or a user without a password", async () => {
    await bed.users.create({ email: "nopass@example.com" });
    await expect(bed.users.verifyPassword("nobody@example.com", PASSWORD)).resolves.toBeNull();
    await expect(bed.users.verifyPassword("nopass@example.com", PASSWORD)).resolves.toBeNull();
    expect(vi.mocked(argon2.verify)).toHaveBeenCalledTimes(2);
  });

  it("changes a password when the current one matches, and refuses when it does not", async () => {
    const user = await bed.users.create({ email: "ada@example.com", password: PASSWORD });
    await expect(bed.users.changePassword(user.id, "a brand new passphrase", { currentPassword: "wrong password!" })).resolves.toBe(false);
    await expect(bed.users.verifyPassword("ada@example.com", PASSWORD)).resolves.not.toBeNull();
    await expect(bed.users.changePassword(user.id, "a brand new passphrase", { currentPassword: PASSWORD })).resolves.toBe(true);
    await expect(bed.users.verifyPassword("ada@example.com", PASSWORD)).resolves.toBeNull();
    await expect(bed.users.verifyPassword("ada@example.com", "a brand new passphrase")).resolves.not.toBeNull();
  });

  it("sets a first password without a current one (admin reset)", async () => {
    const user = await bed.users.create({ email: "ada@example.com" });
    await expect(bed.users.changePassword(user.id, PASSWORD)).resolves.toBe(true);
    await expect(bed.users.findById(user.id)).resolves.toMatchObject({ hasPassword: true });
  });

  it("counts users so a fresh installation knows it needs its first owner", async () => {
    await expect(bed.users.count()).resolves.toBe(0);
    await bed.createUser();
    await expect(bed.users.count()).resolves.toBe(1);
  });
});
