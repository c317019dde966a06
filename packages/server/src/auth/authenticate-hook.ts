import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import { ApiError } from "../errors/index.js";
import type { RouteAuth } from "../http/fastify-augment.js";
import { dialectOf, sendApiError, sendCatalogError } from "../http/send-error.js";
import type { UsageRecorder } from "../usage/index.js";
import type { KeyVerifier, VerifyOutcome } from "./key-verifier.js";

export interface AuthenticationDependencies {
  verifier: KeyVerifier;
  usage: UsageRecorder;
}

function conclude(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
  outcome: VerifyOutcome,
  auth: RouteAuth,
): void {
  const dialect = dialectOf(request);
  if (!outcome.valid) {
    // One answer for unknown, revoked and expired keys: never tell whether a key once existed.
    if (outcome.key) request.refusedKey = outcome.key;
    const code = outcome.code === "BAD_SCHEME" ? "bearer_required" : "unauthorized";
    sendCatalogError(reply, code, dialect, 401);
    return;
  }
  request.apiKey = outcome.key;
  if (auth.scope !== undefined && !outcome.key.scopes.has(auth.scope)) {
    sendCatalogError(reply, "forbidden", dialect, 403);
    return;
  }
  done();
}

/**
 * Registers the request path on an app: every route whose config has `auth` needs a
 * valid key (and its scope), and every answer to a known key is counted for usage.
 */
export function installAuthentication(app: FastifyInstance, deps: AuthenticationDependencies): void {
  app.decorateRequest("apiKey", null);
  app.decorateRequest("refusedKey", null);

  app.addHook("onRequest", function authenticateApiKey(request, reply, done) {
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) {
      done();
      return;
    }
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
  });

  app.addHook("onResponse", function countUsage(request, reply, done) {
    const key = request.apiKey ?? request.refusedKey;
    if (key !== null) deps.usage.record(key.id, key.workspaceId, reply.statusCode);
    done();
  });
}
