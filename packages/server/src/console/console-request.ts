import type { FastifyRequest } from "fastify";
import { ApiError } from "../errors/index.js";
import type { UserRecord } from "../workspaces/people-records.js";
import type { ConsoleSession } from "./session-service.js";

/** A signed-in dashboard request: who, through which session, and the session's CSRF token. */
export interface ConsoleAuth {
  session: ConsoleSession;
  user: UserRecord;
  /** Sent back by the dashboard in `x-csrf-token` on every state-changing request. */
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Dashboard routes: `public` ones answer without a session (sign-in, setup, invitation preview). */
    console?: { public?: boolean };
  }
  interface FastifyRequest {
    /** The dashboard session of a `/api/console` request, else null. */
    consoleAuth: ConsoleAuth | null;
  }
}

/** The signed-in user of a console route, or `unauthorized`. */
export function requireSignedIn(request: FastifyRequest): ConsoleAuth {
  if (request.consoleAuth === null) throw new ApiError("unauthorized", { message: "Sign in to continue" });
  return request.consoleAuth;
}
