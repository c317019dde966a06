import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "../errors/index.js";
import type { UserRecord } from "../workspaces/people-records.js";
import { isSameOriginRequest } from "./same-origin.js";
import { SESSION_COOKIE } from "./session-cookie.js";
import type { SessionService } from "./session-service.js";
import { csrfTokenFor, tokensEqual } from "./session-token.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface ConsoleAuthOptions {
  sessions: SessionService;
  findUser(userId: string): Promise<UserRecord | null>;
  publicUrl: string | undefined;
}

async function readSession(request: FastifyRequest, options: ConsoleAuthOptions) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return null;
  const session = await options.sessions.validate(token);
  if (!session) return null;
  const user = await options.findUser(session.userId);
  if (!user) return null;
  return { session, user, csrfToken: csrfTokenFor(token) };
}

/**
 * The dashboard API's gate, run on every `/api/console` request: finds the session from
 * its cookie, refuses non-public routes without one, and protects every state-changing
 * request against CSRF twice over — the browser's own origin headers must say same
 * origin, and a signed-in request must carry the session's CSRF token in `x-csrf-token`
 * (a header no cross-site form or image can set).
 */
export function installConsoleAuth(api: FastifyInstance, options: ConsoleAuthOptions): void {
  api.decorateRequest("consoleAuth", null);

  api.addHook("onRequest", async function authenticateConsoleSession(request) {
    const stateChanging = !SAFE_METHODS.has(request.method);
    if (stateChanging && !isSameOriginRequest(request, options.publicUrl)) {
      throw new ApiError("forbidden", { message: "Cross-origin requests are not allowed" });
    }
    request.consoleAuth = await readSession(request, options);
    const isPublic = request.routeOptions.config.console?.public === true;
    if (isPublic) return;
    if (request.consoleAuth === null) throw new ApiError("unauthorized", { message: "Sign in to continue" });
    if (stateChanging) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !tokensEqual(sent, request.consoleAuth.csrfToken)) {
        throw new ApiError("forbidden", { message: "Missing or invalid CSRF token; reload the page and try again" });
      }
    }
  });

  // Answers carry key secrets and personal data: never keep them in any cache.
  api.addHook("onSend", async function noStore(_request, reply) {
    reply.header("cache-control", "no-store");
  });
}
