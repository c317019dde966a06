import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";
import { SETUP_TOKEN_TTL_MS, SetupTokens } from "./setup-tokens.js";

let t: TestKeyward;
beforeEach(async () => {
  t = await startTestKeyward();
});
afterEach(async () => {
  await t.close();
});

describe("SetupTokens", () => {
  it("lets a token be used once", async () => {
    const tokens = new SetupTokens(t.keyward.db);
    const { token } = await tokens.issue();
    await expect(tokens.consume(token)).resolves.toBe(true);
    await expect(tokens.consume(token)).resolves.toBe(false);
  });

  it("lets exactly one of two concurrent uses win", async () => {
    const tokens = new SetupTokens(t.keyward.db);
    const { token } = await tokens.issue();
    const results = await Promise.all([tokens.consume(token), tokens.consume(token)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("expires a token after an hour", async () => {
    let now = 5_000_000;
    const tokens = new SetupTokens(t.keyward.db, () => now);
    const { token } = await tokens.issue();
    now += SETUP_TOKEN_TTL_MS;
    await expect(tokens.isValid(token)).resolves.toBe(false);
    await expect(tokens.consume(token)).resolves.toBe(false);
  });

  it("gives a token back after a setup that failed", async () => {
    const tokens = new SetupTokens(t.keyward.db);
    const { token } = await tokens.issue();
    await tokens.consume(token);
    await tokens.release(token);
    await expect(tokens.isValid(token)).resolves.toBe(true);
  });
});
