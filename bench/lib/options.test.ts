import { describe, expect, it } from "vitest";
import { readOptions, UsageError, type OptionSpec } from "./options.mjs";

const SPEC: Record<string, OptionSpec> = {
  rounds: { type: "integer", env: "BENCH_ROUNDS", default: 3, min: 1 },
  tool: { type: "string", env: "BENCH_TOOL", default: "auto", choices: ["auto", "wrk", "autocannon"] },
  record: { type: "boolean", env: "BENCH_RECORD", default: false },
};

describe("readOptions", () => {
  it("uses the defaults when neither a flag nor the environment says otherwise", () => {
    expect(readOptions(SPEC, [], {})).toEqual({ rounds: 3, tool: "auto", record: false, positionals: [] });
  });

  it("prefers a flag over the environment", () => {
    expect(readOptions(SPEC, ["--rounds", "5"], { BENCH_ROUNDS: "2" }).rounds).toBe(5);
  });

  it("reads the environment when no flag is given", () => {
    expect(readOptions(SPEC, [], { BENCH_ROUNDS: "2", BENCH_RECORD: "1", BENCH_TOOL: "wrk" })).toMatchObject({ rounds: 2, record: true, tool: "wrk" });
  });

  it("refuses an integer below its minimum", () => {
    expect(() => readOptions(SPEC, ["--rounds", "0"], {})).toThrow(UsageError);
  });

  it("refuses a value outside the choices", () => {
    expect(() => readOptions(SPEC, ["--tool", "ab"], {})).toThrow(/one of auto, wrk, autocannon/);
  });

  it("refuses an unknown flag as a usage error", () => {
    expect(() => readOptions(SPEC, ["--speed", "9"], {})).toThrow(UsageError);
  });

  it("returns the arguments that are not flags", () => {
    expect(readOptions(SPEC, ["profile.cpuprofile", "--rounds", "2"], {}).positionals).toEqual(["profile.cpuprofile"]);
  });
});
