import { describe, expect, it } from "vitest";
import { FlushLag } from "./flush-lag.js";

describe("FlushLag", () => {
  it("grows while counts wait and failed writes are retried, and returns to nothing once a write succeeds", async () => {
    let now = 1_000;
    const lag = new FlushLag(() => now);
    let fail = true;
    const write = lag.track(async (_batch: number) => {
      if (fail) throw new Error("down");
    });
    now = 4_000;
    await expect(write(1)).rejects.toThrow("down");
    expect(lag.lagMs(true)).toBe(3_000);
    fail = false;
    await write(1);
    expect(lag.lagMs(true)).toBe(0);
    expect(lag.lagMs(false)).toBeNull();
  });
});
