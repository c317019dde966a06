import type { FastifyBaseLogger } from "fastify";
import type { SetupTokens } from "./setup-tokens.js";

/**
 * On a first run (no user yet), logs the one-time link that creates the owner account.
 * Whoever can read the server's log controls the installation anyway, so the log is the
 * right place for it; the token is single use and dies after an hour.
 */
export async function announceSetupLink(
  deps: { setupTokens: SetupTokens; countUsers(): Promise<number>; log: FastifyBaseLogger },
  baseUrl: string,
): Promise<string | null> {
  if ((await deps.countUsers()) > 0) return null;
  const { token, expiresAt } = await deps.setupTokens.issue();
  const link = `${baseUrl.replace(/\/+$/, "")}/setup?token=${token}`;
  deps.log.info(
    { setupLinkExpiresAt: new Date(expiresAt).toISOString() },
    `No users yet. Create the owner account at ${link} (valid for 1 hour, single use; restart the server for a new link).`,
  );
  return link;
}
