import { describe, expect, it } from "vitest";
import { newId, type IdPrefix } from "./ids.js";

describe("newId", () => {
  it.each<IdPrefix>(["key", "ws", "usr", "pr"])("makes %s_ ids with 22 base62 characters", (prefix) => {
    expect(newId(prefix)).toMatch(new RegExp(`^${prefix}_[0-9A-Za-z]{22}$`));
  });

  it("never repeats", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("key")));
    expect(ids.size).toBe(10_000);
  });
});
