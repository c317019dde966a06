import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { generateSecretToken, hashSecretToken } from "./session-token.js";

/** A setup link works for one hour. */
export const SETUP_TOKEN_TTL_MS = 3_600_000;

/**
 * The first-run setup link: while no user exists, the server logs a link carrying a
 * one-time token that lets whoever reads the server's log create the owner account.
 * Stored hashed, valid for an hour, usable once.
 *
 * @example
 * const token = await setupTokens.issue();
 * log.info(`Open ${publicUrl}/setup?token=${token}`);
 */
export class SetupTokens {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(): Promise<{ token: string; expiresAt: number }> {
    const token = generateSecretToken();
    const now = this.now();
    // Tokens that were never used and have run out are of no further interest.
    await this.db.deleteFrom("console_setup_tokens").where("expires_at", "<=", now).where("used_at", "is", null).execute();
    await this.db
      .insertInto("console_setup_tokens")
      .values({ token_hash: hashSecretToken(token), created_at: now, expires_at: now + SETUP_TOKEN_TTL_MS, used_at: null })
      .execute();
    return { token, expiresAt: now + SETUP_TOKEN_TTL_MS };
  }

  /** True when the token is valid and unused (does not use it up). */
  async isValid(token: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("console_setup_tokens")
      .select("token_hash")
      .where("token_hash", "=", hashSecretToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", this.now())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Uses the token up; exactly one of two concurrent calls gets true. */
  async consume(token: string): Promise<boolean> {
    const now = this.now();
    const result = await this.db
      .updateTable("console_setup_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", hashSecretToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Gives a consumed token back when the setup it was used for failed before creating anything. */
  async release(token: string): Promise<void> {
    await this.db.updateTable("console_setup_tokens").set({ used_at: null }).where("token_hash", "=", hashSecretToken(token)).execute();
  }
}
