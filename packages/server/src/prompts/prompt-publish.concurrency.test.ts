import { describe, expect, it } from "vitest";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { testDatabaseEnv } from "../test-support/driver-stores.js";
import { startPromptWorld } from "../test-support/prompt-api.js";

const postgresUrl = await postgresForTests("the PostgreSQL publish race");

// Many-way races (eight edit-and-publish rounds) run at the store level in prompt-store.conformance.ts,
// below the request path's concurrency limits.
describe.each(["SQLite", "PostgreSQL"] as const)("publishing the same draft at once on %s", (driver) => {
  it.skipIf(driver === "PostgreSQL" && !postgresUrl)("makes one v1 and answers the other publish 409", async () => {
    const database = await testDatabaseEnv(driver === "PostgreSQL" ? postgresUrl : undefined);
    const world = await startPromptWorld("acme", database.env);
    try {
      await world.api.create({ slug: "welcome", title: "Welcome", content: "Hi" });
      const responses = await Promise.all([world.api.publish("welcome"), world.api.publish("welcome")]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(responses.find((r) => r.statusCode === 201)?.json()).toMatchObject({ version: "v1" });
      const rows = await world.kw.keyward.db.selectFrom("prompt_versions").select("version").orderBy("version").execute();
      expect(rows.map((row) => Number(row.version))).toEqual([0, 1]);
    } finally {
      await world.kw.close();
      await database.drop();
    }
  });
});
