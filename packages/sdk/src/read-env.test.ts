import { afterEach, describe, expect, it } from "vitest";
import { readEnv } from "./read-env.js";

const NAME = "KEYWARD_SDK_READ_ENV_TEST";
const runtime = globalThis as { Deno?: unknown };

afterEach(() => {
  delete process.env[NAME];
  delete runtime.Deno;
});

describe("readEnv", () => {
  it("reads process.env on Node and Bun", () => {
    process.env[NAME] = "from-process";
    expect(readEnv(NAME)).toBe("from-process");
  });

  it("gives undefined for an unset variable", () => {
    expect(readEnv(NAME)).toBeUndefined();
  });

  it("falls back to Deno.env", () => {
    runtime.Deno = { env: { get: (name: string) => (name === NAME ? "from-deno" : undefined) } };
    expect(readEnv(NAME)).toBe("from-deno");
  });

  it("treats a variable Deno may not read (no --allow-env) as unset", () => {
    runtime.Deno = {
      env: {
        get: () => {
          throw new Error("Requires env access");
        },
      },
    };
    expect(readEnv(NAME)).toBeUndefined();
  });
});
