import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { ApiError } from "../errors/index.js";
import type { RouteAuth } from "../http/fastify-augment.js";
import { dialectOf, sendApiError, sendCatalogError } from "../http/send-error.js";
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

type Continue = () => void;

function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  if (error instanceof ApiError) {
    sendApiError(reply, error, dialectOf(request));
    return;
  }
  request.log.error({ err: error }, "request guard failed");
  sendApiError(reply, new ApiError("unavailable"), dialectOf(request));
}

/** Runs guard decisions in order; synchronous decisions never touch a promise. */
function runGuards(
  request: FastifyRequest,
  reply: FastifyReply,
  decide: Array<() => GuardDecision>,
  index: number,
  next: Continue,
): void {
  for (let i = index; i < decide.length; i++) {
    const decision = decide[i]!();
    if (decision === null) continue;
    if (decision instanceof Promise) {
      decision.then(
        (settled) => (settled === null ? runGuards(request, reply, decide, i + 1, next) : refuse(request, reply, settled)),
        (error: unknown) => refuse(request, reply, error),
      );
      return;
    }
    refuse(request, reply, decision);
    return;
  }
  next();
}

/**
 * Registers the request path on an app: every route whose config has `auth` needs a
 * valid key (and its scope), then passes each guard; every answer to a known key is
 * counted for usage.
 */
export function installAuthentication(app: FastifyInstance, deps: AuthenticationDependencies): void {
  const guards = deps.guards ?? [];
  const beforeGuards = guards.filter((guard) => guard.beforeVerify);
  const refusedGuards = guards.filter((guard) => guard.onRefused);
  const afterGuards = guards.filter((guard) => guard.afterVerify);

  app.decorateRequest("apiKey", null);
  app.decorateRequest("refusedKey", null);

  function conclude(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, outcome: VerifyOutcome, auth: RouteAuth): void {
    if (!outcome.valid) {
      if (outcome.key) request.refusedKey = outcome.key;
      for (const guard of refusedGuards) guard.onRefused!(request, outcome);
      // One answer for unknown, revoked and expired keys: never tell whether a key once existed.
      const code = outcome.code === "BAD_SCHEME" ? "bearer_required" : "unauthorized";
      sendCatalogError(reply, code, dialectOf(request), 401);
      return;
    }
    const key: VerifiedKey = outcome.key;
    request.apiKey = key;
    if (auth.scope !== undefined && !key.scopes.has(auth.scope)) {
      sendCatalogError(reply, "forbidden", dialectOf(request), 403);
      return;
    }
    if (afterGuards.length === 0) {
      done();
      return;
    }
    runGuards(request, reply, afterGuards.map((guard) => () => guard.afterVerify!(request, reply, key, auth)), 0, done);
  }

  function verify(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, auth: RouteAuth): void {
    const outcome = deps.verifier.verify(request.headers.authorization);
    if (outcome instanceof Promise) {
      outcome.then(
        (settled) => conclude(request, reply, done, settled, auth),
        (error: unknown) => {
          request.log.error({ err: error }, "key lookup failed");
          sendApiError(reply, new ApiError("unavailable"), dialectOf(request));
        },
      );
      return;
    }
    conclude(request, reply, done, outcome, auth);
  }

  app.addHook("onRequest", function authenticateApiKey(request, reply, done) {
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) {
      done();
      return;
    }
    if (beforeGuards.length === 0) {
      verify(request, reply, done, auth);
      return;
    }
    runGuards(request, reply, beforeGuards.map((guard) => () => guard.beforeVerify!(request, auth)), 0, () => verify(request, reply, done, auth));
  });

  app.addHook("onResponse", function countUsage(request, reply, done) {
    const key = request.apiKey ?? request.refusedKey;
    if (key !== null) deps.usage.record(key.id, key.workspaceId, reply.statusCode, request.ip);
    done();
  });
}
