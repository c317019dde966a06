import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError } from "../config/index.js";
import { loadPlanCatalog, PlanCatalog } from "./plan-catalog.js";
import { BUILT_IN_PLANS } from "./plans.js";

describe("loadPlanCatalog", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function plansFile(content: unknown): string {
    dir = mkdtempSync(path.join(tmpdir(), "keyward-plans-"));
    const file = path.join(dir, "plans.json");
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  }

  it("has free, pro and enterprise built in, free by default", () => {
    const catalog = loadPlanCatalog(undefined);
    expect(catalog.list().map((plan) => plan.name)).toEqual(["free", "pro", "enterprise"]);
    expect(catalog.defaultPlanName).toBe("free");
    expect(catalog.resolve("pro")).toMatchObject({
      rateLimits: [
        { limit: 1000, seconds: 60 },
        { limit: 10000, seconds: 3600 },
      ],
    });
  });

  it("replaces a built-in plan of the same name whole and adds new ones", () => {
    const catalog = loadPlanCatalog(
      plansFile({
        plans: {
          pro: { rateLimits: ["5000/hour", "200/minute"], concurrency: 7, creditsPerCycle: 900, cycleResetDay: 15 },
          team: { rateLimits: [], concurrency: 3, creditsPerCycle: 0 },
        },
      }),
    );
    expect(catalog.resolve("pro")).toEqual({
      name: "pro",
      rateLimits: [
        { limit: 200, seconds: 60 },
        { limit: 5000, seconds: 3600 },
      ],
      concurrency: 7,
      creditsPerCycle: 900,
      cycleResetDay: 15,
    });
    expect(catalog.resolve("team")).toMatchObject({ rateLimits: [], cycleResetDay: 1 });
    expect(catalog.resolve("enterprise")).toEqual(BUILT_IN_PLANS[2]);
  });

  it("gives a workspace whose plan is not defined the default plan", () => {
    const catalog = loadPlanCatalog(plansFile({ defaultPlan: "pro" }));
    expect(catalog.resolve("platinum").name).toBe("pro");
  });

  it.each([
    ["{ not json", /not valid JSON/],
    [[], /must hold a JSON object/],
    [{ plan: {} }, /unknown field\(s\) plan/],
    [{ plans: { pro: { rateLimits: ["100/fortnight"], concurrency: 1, creditsPerCycle: 1 } } }, /"100\/fortnight" is not a window/],
    [{ plans: { pro: { rateLimits: [], concurrency: 0, creditsPerCycle: 1 } } }, /plans\.pro\.concurrency must be an integer from 1/],
    [{ plans: { pro: { rateLimits: [], concurrency: 1, creditsPerCycle: 1, cycleResetDay: 31 } } }, /cycleResetDay must be an integer from 1 to 28/],
    [{ plans: { pro: { rateLimits: [], concurrency: 1, creditsPerCycle: 1, burst: 3 } } }, /unknown field\(s\) burst/],
    [{ plans: { "Big Plan": { rateLimits: [], concurrency: 1, creditsPerCycle: 1 } } }, /plan name "Big Plan"/],
    [{ defaultPlan: "platinum" }, /defaultPlan "platinum" is not a defined plan/],
  ])("refuses a bad file (%j) with a ConfigError naming the problem", (content, message) => {
    const file = plansFile(content);
    expect(() => loadPlanCatalog(file)).toThrow(ConfigError);
    expect(() => loadPlanCatalog(file)).toThrow(message);
  });

  it("refuses a file that cannot be read", () => {
    expect(() => loadPlanCatalog("/nonexistent/keyward-plans.json")).toThrow(/cannot be read/);
  });
});

describe("PlanCatalog", () => {
  it("refuses a default plan it does not have", () => {
    expect(() => new PlanCatalog(BUILT_IN_PLANS, "gold")).toThrow(ConfigError);
  });
});
