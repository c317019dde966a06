// Types for the storage engine inside rate-limiter-flexible's memory limiter, which the
// package does not declare itself (see memory-rate-limit-store.ts for why it is used).
declare module "rate-limiter-flexible/lib/component/MemoryStorage/MemoryStorage.js" {
  import type { RateLimiterRes } from "rate-limiter-flexible";

  export default class MemoryStorage {
    /** Adds `value` to the key's count; starts a new window of `durationSec` when there is none. */
    incrby(key: string, value: number, durationSec: number): RateLimiterRes;
    /** The key's count and the ms left in its window (≤ 0 once over), or null. */
    get(key: string): RateLimiterRes | null;
    delete(key: string): boolean;
  }
}
