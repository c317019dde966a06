import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";

/**
 * The named server secret, created from `generate()` the first time it is asked for. Instances
 * starting together both try the insert; the loser reads the winner's value, so every instance
 * ends up with the same secret.
 *
 * @example const key = await loadOrCreateServerSecret(db, "prompt_download_signing_key", generateDownloadSecret);
 */
export async function loadOrCreateServerSecret(db: Kysely<Database>, name: string, generate: () => string, now: number = Date.now()): Promise<string> {
  await db
    .insertInto("server_secrets")
    .values({ name, value: generate(), created_at: now })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db.selectFrom("server_secrets").select("value").where("name", "=", name).executeTakeFirstOrThrow();
  return row.value;
}
