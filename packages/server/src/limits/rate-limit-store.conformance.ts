import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RateDecision, RateLimitStore } from "./rate-limit-store.js";
import type { RateWindow } from "./rate-window.js";

const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);
const perSecond = (limit: number): RateWindow => ({ limit, seconds: 1 });
const perMinute = (limit: number): RateWindow => ({ limit, seconds: 60 });

/**
 * What every rate-limit store must do, with time driven by fake timers: the stores read
 * `Date.now()` themselves (the memory one inside rate-limiter-flexible's storage), so the
 * clock is faked where they read it rather than injected past them.
 */
export function describeRateLimitStore(name: string, create: () => RateLimitStore): void {
  describe(`${name} (rate-limit store contract)`, () => {
    let store: { consume: (...args: Parameters<RateLimitStore["consume"]>) => Promise<RateDecision>; peek: (...args: Parameters<RateLimitStore["peek"]>) => Promise<RateDecision> };
    beforeEach(() => {
      vi.useFakeTimers({ now: T0, toFake: ["Date", "setTimeout", "clearTimeout"] });
      // Synchronous and asynchronous stores alike, as promises for `expect(…).resolves`.
      const created = create();
      store = {
        consume: (...args) => Promise.resolve(created.consume(...args)),
        peek: (...args) => Promise.resolve(created.peek(...args)),
      };
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    async function admitted(subject: string, windows: RateWindow[], count: number): Promise<number> {
      let allowed = 0;
      for (let i = 0; i < count; i++) if ((await store.consume(subject, windows)).allowed) allowed++;
      return allowed;
    }

    it("admits exactly the limit in a window and refuses the next request", async () => {
      await expect(admitted("key_a", [perMinute(5)], 8)).resolves.toBe(5);
    });

    it("still refuses 1 ms before the window ends and admits again exactly at its end", async () => {
      await admitted("key_a", [perMinute(3)], 3);
      vi.advanceTimersByTime(59_999);
      expect((await store.consume("key_a", [perMinute(3)])).allowed).toBe(false);
      vi.advanceTimersByTime(1);
      await expect(admitted("key_a", [perMinute(3)], 4)).resolves.toBe(3);
    });

    it("starts a window at the subject's first request and reports when it resets", async () => {
      vi.advanceTimersByTime(15_000);
      const first = await store.consume("key_a", [perMinute(10)]);
      expect(first).toEqual({ allowed: true, tightest: { limit: 10, remaining: 9, resetAt: T0 + 75_000 } });
      vi.advanceTimersByTime(20_000);
      const second = await store.consume("key_a", [perMinute(10)]);
      expect(second.tightest).toEqual({ limit: 10, remaining: 8, resetAt: T0 + 75_000 });
    });

    it("tells a refused request how many whole seconds to wait", async () => {
      await admitted("key_a", [perMinute(1)], 1);
      vi.advanceTimersByTime(20_500);
      await expect(store.consume("key_a", [perMinute(1)])).resolves.toMatchObject({ allowed: false, retryAfterSeconds: 40 });
    });

    it("takes nothing from any window when one window refuses the request", async () => {
      const windows = [perSecond(2), perMinute(3)];
      await expect(admitted("key_a", windows, 3)).resolves.toBe(2);
      // Had the refused request counted in the minute window, this one would be its 4th.
      vi.advanceTimersByTime(1_000);
      await expect(store.consume("key_a", windows)).resolves.toMatchObject({ allowed: true, tightest: { limit: 3, remaining: 0 } });
      // Refused by the minute window: the second's window must keep its count of 1.
      await expect(store.consume("key_a", windows)).resolves.toMatchObject({ allowed: false });
      await expect(store.peek("key_a", [perSecond(2)])).resolves.toMatchObject({ allowed: true, tightest: { remaining: 1 } });
    });

    it("describes the window that runs out first in the headers' terms", async () => {
      const decision = await store.consume("key_a", [perMinute(100), { limit: 2, seconds: 3600 }]);
      expect(decision.tightest).toEqual({ limit: 2, remaining: 1, resetAt: T0 + 3_600_000 });
    });

    it("counts subjects separately", async () => {
      await admitted("key_a", [perMinute(2)], 2);
      await expect(admitted("key_b", [perMinute(2)], 3)).resolves.toBe(2);
    });

    it("peeks without taking anything", async () => {
      for (let i = 0; i < 10; i++) await store.peek("ip:203.0.113.9", [perMinute(3)]);
      await expect(admitted("ip:203.0.113.9", [perMinute(3)], 3)).resolves.toBe(3);
      await expect(store.peek("ip:203.0.113.9", [perMinute(3)])).resolves.toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    });

    it("takes several points at once, or none", async () => {
      await expect(store.consume("key_a", [perMinute(5)], 3)).resolves.toMatchObject({ allowed: true, tightest: { remaining: 2 } });
      await expect(store.consume("key_a", [perMinute(5)], 3)).resolves.toMatchObject({ allowed: false, tightest: { remaining: 2 } });
      await expect(store.consume("key_a", [perMinute(5)], 2)).resolves.toMatchObject({ allowed: true, tightest: { remaining: 0 } });
    });

    it("keeps a window's count when its limit changes mid-window (a key tightened on the fly)", async () => {
      await admitted("key_a", [perMinute(100)], 5);
      await expect(store.consume("key_a", [perMinute(3)])).resolves.toMatchObject({ allowed: false });
    });
  });
}
