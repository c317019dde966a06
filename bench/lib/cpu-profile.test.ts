import { describe, expect, it } from "vitest";
import { areaOf, summarizeCpuProfile, type CpuProfile } from "./cpu-profile.mjs";

const HOOK = "file:///repo/packages/server/dist/auth/authenticate-hook.js";
const HASH = "file:///repo/packages/server/dist/keys/hash.js";

function frame(functionName: string, url = "", lineNumber = 0) {
  return { functionName, url, lineNumber };
}

// root → authenticateApiKey → hashApiKey, root → (idle), root → (garbage collector)
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 4, 5] },
    { id: 2, callFrame: frame("authenticateApiKey", HOOK, 99), children: [3] },
    { id: 3, callFrame: frame("hashApiKey", HASH, 5) },
    { id: 4, callFrame: frame("(idle)") },
    { id: 5, callFrame: frame("(garbage collector)") },
  ],
  startTime: 0,
  endTime: 1000,
  // Each sample lasts until the next one: 3 → 100 µs, 2 → 200 µs, 4 → 400 µs, 5 → 300 µs (until endTime).
  samples: [3, 2, 4, 5],
  timeDeltas: [0, 100, 200, 400],
};

describe("summarizeCpuProfile", () => {
  it("gives each sample the time until the next one and leaves idle time out of the busy time", () => {
    const summary = summarizeCpuProfile(PROFILE);
    expect(summary).toMatchObject({ totalMs: 1, idleMs: 0.4, busyMs: 0.6 });
  });

  it("ranks functions by self time as a share of the busy time", () => {
    const { self } = summarizeCpuProfile(PROFILE);
    expect(self.map(({ name, ms }) => [name, ms])).toEqual([
      ["(garbage collector)", 0.3],
      ["authenticateApiKey packages/server/dist/auth/authenticate-hook.js:100", 0.2],
      ["hashApiKey packages/server/dist/keys/hash.js:6", 0.1],
    ]);
    expect(self[0]!.share).toBeCloseTo(0.5, 10);
  });

  it("counts what a function called in its inclusive time", () => {
    const { inclusive } = summarizeCpuProfile(PROFILE);
    expect(inclusive.find(({ name }) => name.startsWith("authenticateApiKey"))!.ms).toBeCloseTo(0.3, 10);
  });

  it("counts a recursive function once per sample in its inclusive time", () => {
    const recursive: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2] },
        { id: 2, callFrame: frame("walk", HOOK, 1), children: [3] },
        { id: 3, callFrame: frame("walk", HOOK, 1) },
      ],
      startTime: 0,
      endTime: 100,
      samples: [3],
      timeDeltas: [0],
    };
    expect(summarizeCpuProfile(recursive).inclusive).toEqual([{ name: "walk packages/server/dist/auth/authenticate-hook.js:2", ms: 0.1, share: 1 }]);
  });

  it("groups self time by area", () => {
    const { areas } = summarizeCpuProfile(PROFILE);
    expect(areas.map(({ name }) => name)).toEqual(["(garbage collector)", "keyward:auth", "keyward:keys"]);
  });
});

describe("areaOf", () => {
  it.each([
    [frame("route", "file:///repo/node_modules/fastify/lib/route.js"), "fastify"],
    [frame("serialize", "file:///repo/node_modules/@fastify/ajv-compiler/index.js"), "@fastify/ajv-compiler"],
    [frame("main", "file:///repo/packages/server/dist/main.js"), "keyward:server"],
    [frame("onStreamRead", "node:internal/stream_base_commons"), "node:internal"],
    [frame("(program)"), "(program)"],
    [frame("digest"), "(native)"],
  ])("puts %o in %s", (callFrame, area) => {
    expect(areaOf(callFrame)).toBe(area);
  });
});
