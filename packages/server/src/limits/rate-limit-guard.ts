import type { FastifyReply, FastifyRequest } from "fastify";
import type { GuardDecision, RequestGuard, VerifiedKey } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import type { ConcurrencyStore } from "./concurrency-store.js";
import type { KeyLimitsCache, ResolvedLimits } from "./key-limits-cache.js";
import { setRateLimitHeaders } from "./rate-limit-headers.js";
import type { RateDecision, RateLimitStore } from "./rate-limit-store.js";
import type { RateWindow } from "./rate-window.js";
import "./route-limits.js";

export interface RateLimitGuardOptions {
  rates: RateLimitStore;
  concurrency: ConcurrencyStore;
  limits: KeyLimitsCache;
  /** Windows for requests without a valid key, per client IP (empty: not limited). */
  ipWindows: readonly RateWindow[];
  /** A failure to count a refused key (remote stores only); the request is not affected. */
  onError?: (error: unknown) => void;
}

function ipSubject(request: FastifyRequest): string {
  return `ip:${request.ip}`;
}

function refusal(decision: RateDecision): ApiError | null {
  return decision.allowed ? null : new ApiError("rate_limit_exceeded", { retryAfter: decision.retryAfterSeconds });
}

/**
 * The rate-limit step of the request path:
 * - before a key is verified, a client IP that sent too many invalid keys is refused (429),
 *   without spending a hash on it; every refused key counts against its IP;
 * - a valid key is counted in its windows (its own, else its plan's) and gets the
 *   `X-RateLimit-*` headers; over any window → 429 with `Retry-After`;
 * - then its workspace takes a concurrency slot (given back by `installLimitHooks`);
 *   none left → 429.
 *
 * Synchronous whenever the stores and the key's limits are in memory.
 *
 * @example createKeyward → buildApp({ guards: [createRateLimitGuard({ rates, concurrency, limits, ipWindows })] })
 */
export function createRateLimitGuard(options: RateLimitGuardOptions): RequestGuard {
  const { rates, concurrency, limits, ipWindows } = options;
  const onError = options.onError ?? (() => {});

  // Written without closures: on the synchronous path a request allocates no function.
  function slotTaken(request: FastifyRequest, key: VerifiedKey, acquired: boolean): ApiError | null {
    if (!acquired) return new ApiError("concurrency_limit_exceeded", { retryAfter: 1 });
    request.limitsSlot = key.workspaceId;
    return null;
  }

  function takeSlot(request: FastifyRequest, key: VerifiedKey, resolved: ResolvedLimits): GuardDecision {
    const acquired = concurrency.acquire(key.workspaceId, resolved.plan.concurrency);
    if (acquired instanceof Promise) return acquired.then((taken) => slotTaken(request, key, taken));
    return slotTaken(request, key, acquired);
  }

  function counted(request: FastifyRequest, reply: FastifyReply, key: VerifiedKey, resolved: ResolvedLimits, decision: RateDecision): GuardDecision {
    setRateLimitHeaders(reply, decision.tightest);
    return decision.allowed ? takeSlot(request, key, resolved) : refusal(decision);
  }

  function admit(request: FastifyRequest, reply: FastifyReply, key: VerifiedKey, resolved: ResolvedLimits): GuardDecision {
    if (resolved.windows.length === 0) return takeSlot(request, key, resolved);
    const decision = rates.consume(key.id, resolved.windows);
    if (decision instanceof Promise) return decision.then((settled) => counted(request, reply, key, resolved, settled));
    return counted(request, reply, key, resolved, decision);
  }

  const guard: RequestGuard = {
    name: "rate-limits",
    afterVerify(request, reply, key) {
      const resolved = limits.get(key.id, key.workspaceId);
      if (resolved instanceof Promise) return resolved.then((loaded) => admit(request, reply, key, loaded));
      return admit(request, reply, key, resolved);
    },
  };
  if (ipWindows.length > 0) {
    guard.beforeVerify = function refuseThrottledIp(request) {
      const decision = rates.peek(ipSubject(request), ipWindows);
      return decision instanceof Promise ? decision.then(refusal) : refusal(decision);
    };
    guard.onRefused = function countRefusedKey(request) {
      const counted = rates.consume(ipSubject(request), ipWindows);
      if (counted instanceof Promise) counted.catch(onError);
    };
  }
  return guard;
}
