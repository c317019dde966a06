import type { Kysely, Selectable } from "kysely";
import { ApiError } from "../errors/index.js";
import { newId } from "../keys/index.js";
import { isUniqueViolation } from "../store/row-mapping.js";
import type { Database, UsersTable } from "../store/schema.js";
import { normalizeEmail } from "./email.js";
import { hashPassword, MAX_PASSWORD_LENGTH, spendPasswordCheck, validatePassword, verifyPasswordHash } from "./password-hash.js";
import type { UserRecord } from "./people-records.js";

export interface CreateUserInput {
  email: string;
  /** Defaults to the part of the email before the @. */
  displayName?: string | undefined;
  /** Without one the user cannot sign in until a password is set. */
  password?: string | undefined;
}

function userFromRow(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    hasPassword: row.password_hash !== null,
    createdAt: Number(row.created_at),
  };
}

function validateDisplayName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 100) {
    throw new ApiError("validation_error", {
      message: "displayName must be 1-100 characters",
      details: [{ field: "displayName", message: "must be 1-100 characters" }],
    });
  }
  return name;
}

/**
 * People who sign in. Emails are stored normalised (trimmed, lower-case); passwords only
 * as argon2id hashes, which never leave this class.
 *
 * @example
 * const ada = await users.create({ email: "Ada@example.com", password: "correct horse battery" });
 * const signedIn = await users.verifyPassword("ada@example.com", "correct horse battery"); // UserRecord | null
 */
export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: CreateUserInput): Promise<UserRecord> {
    const email = normalizeEmail(input.email);
    const displayName = validateDisplayName(input.displayName ?? email.slice(0, email.indexOf("@")));
    const passwordHash = input.password === undefined ? null : await hashPassword(validatePassword(input.password));
    const row = { id: newId("usr"), email, display_name: displayName, password_hash: passwordHash, created_at: this.now() };
    try {
      await this.db.insertInto("users").values(row).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError("conflict", { message: `A user with email ${email} already exists` });
      throw error;
    }
    return userFromRow(row);
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  /** The user with that email, or not_found (for the CLI and services that need one). */
  async getByEmail(email: string): Promise<UserRecord> {
    const user = await this.findByEmail(email);
    if (!user) throw new ApiError("not_found", { message: `User not found: ${email.trim().slice(0, 254)}` });
    return user;
  }

  /** How many users exist: zero means the installation still needs its first owner. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("users"))
      .executeTakeFirst();
    return Number(row?.users ?? 0);
  }

  /**
   * The user when the email and password match, else null. Takes the same time whether or
   * not the email has an account (or a password): a missing user still costs one argon2
   * verification, and the comparison itself is argon2's, in constant time.
   */
  async verifyPassword(email: string, password: string): Promise<UserRecord | null> {
    // Refused before any lookup, so its timing says nothing about the account.
    if (password.length > MAX_PASSWORD_LENGTH) return null;
    const row = await this.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", email.trim().toLowerCase())
      .executeTakeFirst();
    if (!row || row.password_hash === null) {
      await spendPasswordCheck(password);
      return null;
    }
    return (await verifyPasswordHash(row.password_hash, password)) ? userFromRow(row) : null;
  }

  /**
   * Sets a new password. With `currentPassword` (a user changing their own), it must match:
   * false when it does not. Without it (the admin CLI, a reset), it is simply replaced.
   */
  async changePassword(userId: string, newPassword: string, options: { currentPassword?: string } = {}): Promise<boolean> {
    validatePassword(newPassword, "newPassword");
    const row = await this.db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
    if (!row) throw new ApiError("not_found", { message: `User not found: ${userId.slice(0, 64)}` });
    if (options.currentPassword !== undefined) {
      if (row.password_hash === null) {
        await spendPasswordCheck(options.currentPassword);
        return false;
      }
      if (!(await verifyPasswordHash(row.password_hash, options.currentPassword))) return false;
    }
    const passwordHash = await hashPassword(newPassword);
    await this.db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    return true;
  }

  async setDisplayName(userId: string, displayName: string): Promise<UserRecord> {
    await this.db.updateTable("users").set({ display_name: validateDisplayName(displayName) }).where("id", "=", userId).execute();
    const user = await this.findById(userId);
    if (!user) throw new ApiError("not_found", { message: `User not found: ${userId.slice(0, 64)}` });
    return user;
  }
}
