import { describe, expect, it } from "vitest";
import { LastKnownGood } from "./last-known-good.js";

const outage = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

/** A read that answers `value` until `down` is set. */
function source() {
  const state = { down: false, value: "v1", bug: false };
  const read = async (id: string) => {
    if (state.bug) throw new TypeError("bug");
    if (state.down) throw outage();
    return `${id}:${state.value}`;
  };
  return { state, read };
}

describe("LastKnownGood", () => {
  it("answers the last value read when storage is unavailable", async () => {
    const memo = new LastKnownGood<string>({ maxEntries: 10, windowMs: 60_000 });
    const { state, read } = source();
    const wrapped = memo.wrap((id: string) => id, read);
    await expect(wrapped("ws_a")).resolves.toBe("ws_a:v1");
    state.down = true;
    await expect(wrapped("ws_a")).resolves.toBe("ws_a:v1");
  });

  it("fails a read it has no value for, and a read that fails for another reason than an outage", async () => {
    const memo = new LastKnownGood<string>({ maxEntries: 10, windowMs: 60_000 });
    const { state, read } = source();
    const wrapped = memo.wrap((id: string) => id, read);
    await wrapped("ws_a");
    state.down = true;
    await expect(wrapped("ws_b")).rejects.toThrow(/ECONNREFUSED/);
    state.bug = true;
    await expect(wrapped("ws_a")).rejects.toThrow(TypeError);
  });

  it("forgets what an invalidation changed, so an outage never brings an old value back", async () => {
    const memo = new LastKnownGood<string>({ maxEntries: 10, windowMs: 60_000 });
    const { state, read } = source();
    const wrapped = memo.wrap((workspaceId: string, keyId: string) => `${workspaceId}|${keyId}`, (w, k) => read(`${w}/${k}`));
    await wrapped("ws_a", "key_1");
    await wrapped("ws_b", "key_2");
    memo.forgetPrefix("ws_a|");
    state.down = true;
    await expect(wrapped("ws_a", "key_1")).rejects.toThrow(/ECONNREFUSED/);
    await expect(wrapped("ws_b", "key_2")).resolves.toBe("ws_b/key_2:v1");
  });

  it("keeps the newest value: a later successful read replaces the fallback", async () => {
    const memo = new LastKnownGood<string>({ maxEntries: 10, windowMs: 60_000 });
    const { state, read } = source();
    const wrapped = memo.wrap((id: string) => id, read);
    await wrapped("ws_a");
    state.value = "v2";
    await wrapped("ws_a");
    state.down = true;
    await expect(wrapped("ws_a")).resolves.toBe("ws_a:v2");
  });
});
