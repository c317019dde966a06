import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOMY_PLAN, writePlansFile } from "../test-support/plans-file.js";
import { postgresForTests } from "../test-support/postgres-availability.js";
import { createTestSchema, type TestSchema } from "../test-support/postgres-schema.js";
import { bearer, startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

const postgresUrl = await postgresForTests("the credits concurrency test on PostgreSQL");

async function fiftyAgainstTwenty(kw: TestKeyward): Promise<{ admitted: number; refused: number; remaining: number; balances: number[] }> {
  kw.keyward.app.post("/v1/test-only/charged", { config: { auth: {}, cost: 1 } }, () => ({ ok: true }));
  const workspace = await kw.createWorkspace("acme");
  const { secret } = await kw.issueKey(workspace);
  const responses = await Promise.all(
    Array.from({ length: 50 }, () => kw.keyward.app.inject({ method: "POST", url: "/v1/test-only/charged", headers: bearer(secret) })),
  );
  const admitted = responses.filter((r) => r.statusCode === 200);
  return {
    admitted: admitted.length,
    refused: responses.filter((r) => r.statusCode === 403).length,
    remaining: (await kw.keyward.credits.balanceOf(workspace.id)).remaining,
    balances: admitted.map((r) => Number(r.headers["x-credits-remaining"])),
  };
}

describe.each([
  ["SQLite", false],
  ["PostgreSQL", true],
])("50 simultaneous charged requests against a balance of 20 (%s)", (_name, onPostgres) => {
  let kw: TestKeyward;
  let plans: { file: string; remove(): void };
  let schema: TestSchema | undefined;
  const skip = onPostgres && postgresUrl === undefined;

  beforeAll(async () => {
    if (skip) return;
    plans = writePlansFile({ free: { ...ROOMY_PLAN, creditsPerCycle: 20 } });
    schema = onPostgres ? await createTestSchema(postgresUrl!) : undefined;
    kw = await startTestKeyward({ KEYWARD_PLANS_FILE: plans.file, ...(schema ? { DATABASE_URL: schema.url } : {}) });
  });
  afterAll(async () => {
    if (skip) return;
    await kw.close();
    await schema?.drop();
    plans.remove();
  });

  it.skipIf(skip)("admits exactly 20, refuses 30, and never takes the balance below zero", async () => {
    const result = await fiftyAgainstTwenty(kw);
    expect(result.admitted).toBe(20);
    expect(result.refused).toBe(30);
    expect(result.remaining).toBe(0);
    // Each admitted request saw a different balance: 19, 18, …, 0.
    expect(result.balances.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
