import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ROOMY_PLAN, writePlansFile } from "../../test-support/plans-file.js";
import { runCli, runCliJson, tempDataDir } from "../../test-support/processes.js";

describe("keyward plans, credits, keys set-limit and usage compact", () => {
  let data: ReturnType<typeof tempDataDir>;
  beforeEach(async () => {
    data = tempDataDir();
    await runCliJson(data.dir, ["workspaces", "create", "acme"]);
  });
  afterEach(() => {
    data.remove();
  });

  it("plans list --json prints the built-in plans and the default", async () => {
    const listed = await runCliJson<{ plans: Array<{ name: string; rateLimits: string[] }>; defaultPlan: string }>(data.dir, ["plans", "list"]);
    expect(listed.defaultPlan).toBe("free");
    expect(listed.plans.map((plan) => plan.name)).toEqual(["free", "pro", "enterprise"]);
    expect(listed.plans[1]).toEqual({ name: "pro", rateLimits: ["1000/minute", "10000/hour"], concurrency: 25, creditsPerCycle: 10000, cycleResetDay: 1 });
  });

  it("plans list reads KEYWARD_PLANS_FILE, as the server does", async () => {
    const plans = writePlansFile({ team: { ...ROOMY_PLAN, rateLimits: ["500/minute"] } });
    try {
      const result = await runCli(data.dir, ["plans", "list"], { KEYWARD_PLANS_FILE: plans.file });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^team\s+500\/minute\s+1000\s+1000000\s+1$/m);
      expect(result.stdout).toMatch(/^free \(default\)/m);
    } finally {
      plans.remove();
    }
  });

  it("plans set puts a workspace on a plan, and refuses an unknown plan (2) or workspace (1)", async () => {
    await expect(runCliJson(data.dir, ["plans", "set", "acme", "pro"])).resolves.toMatchObject({ workspace: "acme", plan: { name: "pro" } });
    const listed = await runCliJson<{ workspaces: Array<{ slug: string; plan: string }> }>(data.dir, ["workspaces", "list"]);
    expect(listed.workspaces.find((w) => w.slug === "acme")?.plan).toBe("pro");
    const unknownPlan = await runCli(data.dir, ["plans", "set", "acme", "platinum"]);
    expect(unknownPlan.code).toBe(2);
    expect(unknownPlan.stderr).toContain('Unknown plan "platinum"; plans: free, pro, enterprise');
    expect((await runCli(data.dir, ["plans", "set", "nope", "pro"])).code).toBe(1);
  });

  it("keys set-limit gives a key its own windows and --clear gives it back its plan's", async () => {
    const key = await runCliJson<{ id: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Noisy"]);
    await expect(runCliJson(data.dir, ["keys", "set-limit", key.id, "--limit", "5000/hour", "--limit", "100/minute"])).resolves.toEqual({
      keyId: key.id,
      plan: "free",
      source: "key",
      rateLimits: ["100/minute", "5000/hour"],
    });
    const cleared = await runCli(data.dir, ["keys", "set-limit", key.id, "--clear"]);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain("follows its plan (free) again: 100/minute, 1000/hour");
  });

  it.each([
    [["--limit", "100/fortnight"], /--limit takes a window such as 100\/minute/],
    [["--limit", "100/minute", "--clear"], /either --limit or --clear/],
    [[], /at least one --limit/],
  ])("keys set-limit %j is a usage error (exit 2)", async (args, message) => {
    const key = await runCliJson<{ id: string }>(data.dir, ["keys", "create", "--workspace", "acme", "--name", "Noisy"]);
    const result = await runCli(data.dir, ["keys", "set-limit", key.id, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("keys set-limit on an unknown key exits 1", async () => {
    const result = await runCli(data.dir, ["keys", "set-limit", "key_nope", "--limit", "1/minute"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Key not found");
  });

  it("credits show and grant report the balance of the current cycle", async () => {
    const shown = await runCliJson<{ workspace: string; remaining: number; perCycle: number; cycleResetsAt: string }>(data.dir, ["credits", "show", "acme"]);
    expect(shown).toMatchObject({ workspace: "acme", remaining: 100, perCycle: 100 });
    expect(Date.parse(shown.cycleResetsAt)).toBeGreaterThan(Date.now());
    await expect(runCliJson(data.dir, ["credits", "grant", "acme", "250"])).resolves.toMatchObject({ granted: 250, remaining: 350, perCycle: 100 });
    const text = await runCli(data.dir, ["credits", "show", "acme"]);
    expect(text.stdout).toMatch(/^acme: 350 of 100 credits left this cycle; refills \d{4}-/);
  });

  it.each([["0"], ["-5"], ["1.5"], ["lots"]])("credits grant %s is a usage error (exit 2)", async (amount) => {
    const result = await runCli(data.dir, ["credits", "grant", "acme", amount]);
    expect(result.code).toBe(2);
  });

  it("usage compact --json reports what it rolled up and deleted", async () => {
    await expect(runCliJson(data.dir, ["usage", "compact"])).resolves.toEqual({ hourlyRolledUp: 0, dailyDeleted: 0 });
  });
});
