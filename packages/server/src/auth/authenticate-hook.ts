import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { ApiError, type Dialect } from "../errors/index.js";
import type { RouteAuth } from "../http/fastify-augment.js";
import { prependRouteHook, appendRouteHook } from "../http/route-hooks.js";
import { sendApiError, sendCatalogError } from "../http/send-error.js";
import type { UsageRecorder } from "../usage/index.js";
import type { KeyVerifier, VerifyOutcome } from "./key-verifier.js";
import type { GuardDecision, RequestGuard } from "./request-guards.js";
import type { VerifiedKey } from "./verified-key.js";

export interface AuthenticationDependencies {
  verifier: KeyVerifier;
  usage: UsageRecorder;
  /** Feature steps run in order around verification (see RequestGuard). */
  guards?: RequestGuard[];
}

/** What one route needs, fixed when the route is registered so requests read nothing per call. */
interface RoutePolicy {
  auth: RouteAuth;
  dialect: Dialect;
}

function refuse(request: FastifyRequest, reply: FastifyReply, policy: RoutePolicy, error: unknown): void {
  if (error instanceof ApiError) {
    sendApiError(reply, error, policy.dialect);
    return;
  }
  request.log.error({ err: error }, "request guard failed");
  sendApiError(reply, new ApiError("unavailable"), policy.dialect);
}

/**
 * Registers the request path on an app: every route whose config has `auth` needs a
 * valid key (and its scope), then passes each guard; every answer to a known key is
 * counted for usage. Hooks are attached to those routes only, as they are registered,
 * so unauthenticated routes pay nothing. Call before any route is added.
 */
export function installAuthentication(app: FastifyInstance, deps: AuthenticationDependencies): void {
  const guards = deps.guards ?? [];
  const beforeGuards = guards.filter((guard) => guard.beforeVerify);
  const refusedGuards = guards.filter((guard) => guard.onRefused);
  const afterGuards = guards.filter((guard) => guard.afterVerify);
  const { verifier, usage } = deps;

  app.decorateRequest("apiKey", null);
  app.decorateRequest("refusedKey", null);

  // Guards run in order without allocating per request; a promise only when a guard returns one.
  function runAfterGuards(request: FastifyRequest, reply: FastifyReply, key: VerifiedKey, policy: RoutePolicy, from: number, done: HookHandlerDoneFunction): void {
    for (let i = from; i < afterGuards.length; i++) {
      const decision: GuardDecision = afterGuards[i]!.afterVerify!(request, reply, key, policy.auth);
      if (decision === null) continue;
      if (decision instanceof Promise) {
        decision.then(
          (settled) => (settled === null ? runAfterGuards(request, reply, key, policy, i + 1, done) : refuse(request, reply, policy, settled)),
          (error: unknown) => refuse(request, reply, policy, error),
        );
        return;
      }
      refuse(request, reply, policy, decision);
      return;
    }
    done();
  }

  function runBeforeGuards(request: FastifyRequest, reply: FastifyReply, policy: RoutePolicy, from: number, done: HookHandlerDoneFunction): void {
    for (let i = from; i < beforeGuards.length; i++) {
      const decision: GuardDecision = beforeGuards[i]!.beforeVerify!(request, policy.auth);
      if (decision === null) continue;
      if (decision instanceof Promise) {
        decision.then(
          (settled) => (settled === null ? runBeforeGuards(request, reply, policy, i + 1, done) : refuse(request, reply, policy, settled)),
          (error: unknown) => refuse(request, reply, policy, error),
        );
        return;
      }
      refuse(request, reply, policy, decision);
      return;
    }
    verify(request, reply, policy, done);
  }

  function conclude(request: FastifyRequest, reply: FastifyReply, policy: RoutePolicy, outcome: VerifyOutcome, done: HookHandlerDoneFunction): void {
    if (!outcome.valid) {
      if (outcome.key) request.refusedKey = outcome.key;
      for (const guard of refusedGuards) guard.onRefused!(request, outcome);
      // One answer for unknown, revoked and expired keys: never tell whether a key once existed.
      sendCatalogError(reply, outcome.code === "BAD_SCHEME" ? "bearer_required" : "unauthorized", policy.dialect, 401);
      return;
    }
    const key = outcome.key;
    request.apiKey = key;
    const scope = policy.auth.scope;
    if (scope !== undefined && !key.scopes.has(scope)) {
      sendCatalogError(reply, "forbidden", policy.dialect, 403);
      return;
    }
    runAfterGuards(request, reply, key, policy, 0, done);
  }

  function verify(request: FastifyRequest, reply: FastifyReply, policy: RoutePolicy, done: HookHandlerDoneFunction): void {
    const outcome = verifier.verify(request.headers.authorization);
    if (outcome instanceof Promise) {
      outcome.then(
        (settled) => conclude(request, reply, policy, settled, done),
        (error: unknown) => {
          request.log.error({ err: error }, "key lookup failed");
          sendApiError(reply, new ApiError("unavailable"), policy.dialect);
        },
      );
      return;
    }
    conclude(request, reply, policy, outcome, done);
  }

  function countUsage(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const key = request.apiKey ?? request.refusedKey;
    if (key !== null) usage.record(key.id, key.workspaceId, reply.statusCode, request.ip);
    done();
  }

  app.addHook("onRoute", function attachAuthentication(route) {
    const auth = route.config?.auth;
    if (auth === undefined) return;
    const policy: RoutePolicy = { auth, dialect: route.config?.dialect ?? "registry" };
    const authenticateApiKey =
      beforeGuards.length === 0
        ? function authenticateApiKey(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
            verify(request, reply, policy, done);
          }
        : function authenticateApiKey(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
            runBeforeGuards(request, reply, policy, 0, done);
          };
    prependRouteHook(route, "onRequest", authenticateApiKey);
    appendRouteHook(route, "onResponse", countUsage);
  });
}
