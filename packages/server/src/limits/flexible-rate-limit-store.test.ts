import { RateLimiterMemory } from "rate-limiter-flexible";
import { FlexibleRateLimitStore } from "./flexible-rate-limit-store.js";
import { describeRateLimitStore } from "./rate-limit-store.conformance.js";

// The adapter the Redis store will use, proven here on the library's memory limiter.
describeRateLimitStore(
  "FlexibleRateLimitStore over RateLimiterMemory",
  () => new FlexibleRateLimitStore((seconds, points) => new RateLimiterMemory({ points, duration: seconds })),
);
