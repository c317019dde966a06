import type { FastifyReply, FastifyRequest } from "fastify";
import type { UserRecord } from "../workspaces/people-records.js";
import type { ConsoleContext } from "./console-context.js";
import { presentSignedIn } from "./present-session.js";
import { setSessionCookie } from "./session-cookie.js";
import { csrfTokenFor } from "./session-token.js";

/**
 * Signs a user in on this browser: a fresh session (any session the browser had is ended,
 * so a planted cookie cannot be carried into the account), its cookie, a `user.signed_in`
 * audit entry, and the signed-in state the dashboard continues from.
 */
export async function startSession(
  ctx: Pick<ConsoleContext, "sessions" | "members" | "audit" | "publicUrl">,
  request: FastifyRequest,
  reply: FastifyReply,
  user: UserRecord,
  workspaceId: string | null = null,
) {
  if (request.consoleAuth) await ctx.sessions.revoke(request.consoleAuth.user.id, request.consoleAuth.session.id);
  const workspaces = await ctx.members.listWorkspacesOf(user.id);
  const { token, session } = await ctx.sessions.create({
    userId: user.id,
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
    workspaceId,
  });
  setSessionCookie(request, reply, token, ctx.publicUrl);
  await ctx.audit.recordSignIn({ userId: user.id, ip: request.ip, workspaceIds: workspaces.map((entry) => entry.workspace.id) });
  return presentSignedIn({ session, user, csrfToken: csrfTokenFor(token) }, workspaces);
}
