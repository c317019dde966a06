import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { userActor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { ConsoleContext } from "./console-context.js";
import { requireSignedIn } from "./console-request.js";
import { NoContent, SessionStateSchema, SignedInSchema } from "./console-schemas.js";
import { presentSignedIn } from "./present-session.js";
import { clearSessionCookie } from "./session-cookie.js";
import { ChangePasswordBody, SessionIdParams, SessionListSchema, SignInBody, SwitchWorkspaceBody } from "./session-schemas.js";
import { startSession } from "./start-session.js";

const tags = ["Console"];

/** `/api/console/session…`: who is signed in, signing in and out, the user's own account and sessions. */
export function registerSessionRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/session",
    {
      config: { console: { public: true } },
      schema: { tags, summary: "The signed-in user, their workspaces and CSRF token; or whether setup is needed", response: { 200: SessionStateSchema } },
    },
    async function getSession(request) {
      const auth = request.consoleAuth;
      if (auth === null) return { signedIn: false as const, needsSetup: (await ctx.users.count()) === 0 };
      return presentSignedIn(auth, await ctx.members.listWorkspacesOf(auth.user.id));
    },
  );

  app.post(
    "/session/sign-in",
    {
      config: { console: { public: true } },
      schema: { tags, summary: "Sign in with email and password", body: SignInBody, response: { 200: SignedInSchema, ...RegistryErrorResponses } },
    },
    async function signIn(request, reply) {
      const { email, password } = request.body;
      const decision = await ctx.throttle.check(email, request.ip);
      if (!decision.allowed) {
        throw new ApiError("rate_limit_exceeded", {
          message: `Too many failed sign-ins. Try again in ${decision.retryAfterSeconds} seconds.`,
          retryAfter: decision.retryAfterSeconds,
        });
      }
      const user = await ctx.users.verifyPassword(email, password);
      if (!user) {
        await ctx.throttle.recordFailure(email, request.ip);
        // One answer for an unknown email and a wrong password: the form never confirms an account.
        throw new ApiError("unauthorized", { message: "Invalid email or password" });
      }
      await ctx.throttle.recordSuccess(email);
      return startSession(ctx, request, reply, user);
    },
  );

  app.post(
    "/session/sign-out",
    { schema: { tags, summary: "Sign out of this browser", response: { 204: NoContent, ...RegistryErrorResponses } } },
    async function signOut(request, reply) {
      const auth = requireSignedIn(request);
      await ctx.sessions.revoke(auth.user.id, auth.session.id);
      clearSessionCookie(request, reply, ctx.publicUrl);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/session/sign-out-everywhere",
    { schema: { tags, summary: "End every session of this user, this one included", response: { 204: NoContent, ...RegistryErrorResponses } } },
    async function signOutEverywhere(request, reply) {
      const auth = requireSignedIn(request);
      await ctx.sessions.revokeAll(auth.user.id);
      clearSessionCookie(request, reply, ctx.publicUrl);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/session/password",
    {
      schema: {
        tags,
        summary: "Change your password (ends your other sessions)",
        body: ChangePasswordBody,
        response: { 204: NoContent, ...RegistryErrorResponses },
      },
    },
    async function changePassword(request, reply) {
      const auth = requireSignedIn(request);
      const changed = await ctx.users.changePassword(auth.user.id, request.body.newPassword, { currentPassword: request.body.currentPassword });
      if (!changed) {
        throw new ApiError("validation_error", {
          message: "The current password is not correct",
          details: [{ field: "currentPassword", message: "is not correct" }],
        });
      }
      // Whoever knew the old password is signed out everywhere else.
      await ctx.sessions.revokeAll(auth.user.id, auth.session.id);
      const workspaces = await ctx.members.listWorkspacesOf(auth.user.id);
      const actor = userActor(auth.user.id, request.ip);
      for (const workspaceId of workspaces.length > 0 ? workspaces.map((w) => w.workspace.id) : [null]) {
        await ctx.audit.record({ workspaceId, actor, action: "user.password_changed", target: { type: "user", id: auth.user.id } });
      }
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/session/sessions",
    { schema: { tags, summary: "Your active sessions", response: { 200: SessionListSchema, ...RegistryErrorResponses } } },
    async function listSessions(request) {
      const auth = requireSignedIn(request);
      const sessions = await ctx.sessions.list(auth.user.id);
      return {
        sessions: sessions.map((session) => ({
          id: session.id,
          createdAt: new Date(session.createdAt).toISOString(),
          lastSeenAt: new Date(session.lastSeenAt).toISOString(),
          expiresAt: new Date(session.expiresAt).toISOString(),
          ip: session.ip,
          userAgent: session.userAgent,
          current: session.id === auth.session.id,
        })),
      };
    },
  );

  app.delete(
    "/session/sessions/:sessionId",
    { schema: { tags, summary: "End one of your sessions", params: SessionIdParams, response: { 204: NoContent, ...RegistryErrorResponses } } },
    async function revokeSession(request, reply) {
      const auth = requireSignedIn(request);
      if (!(await ctx.sessions.revoke(auth.user.id, request.params.sessionId))) {
        throw new ApiError("not_found", { message: "Session not found" });
      }
      if (request.params.sessionId === auth.session.id) clearSessionCookie(request, reply, ctx.publicUrl);
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/session/workspace",
    { schema: { tags, summary: "Switch to another of your workspaces", body: SwitchWorkspaceBody, response: { 204: NoContent, ...RegistryErrorResponses } } },
    async function switchWorkspace(request, reply) {
      const access = await ctx.access(request, request.body.workspaceId);
      await ctx.sessions.setWorkspace(access.auth.session.id, access.workspace.id);
      return reply.code(204).send(null);
    },
  );
}
