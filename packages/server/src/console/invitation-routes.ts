import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { userActor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { ConsoleContext } from "./console-context.js";
import { SignedInSchema } from "./console-schemas.js";
import { presentSignedIn } from "./present-session.js";
import { startSession } from "./start-session.js";
import { AcceptInvitationBody, InvitationPreviewSchema, InvitationTokenBody } from "./team-schemas.js";

const tags = ["Console"];

function unknownInvitation(): ApiError {
  return new ApiError("not_found", { message: "This invitation link is not valid; ask for a new one" });
}

/** `/api/console/invitations`: the page an invitation link opens. Tokens travel in bodies, never in API URLs. */
export function registerInvitationRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    "/invitations/preview",
    {
      config: { console: { public: true } },
      schema: { tags, summary: "What an invitation link is for", body: InvitationTokenBody, response: { 200: InvitationPreviewSchema, ...RegistryErrorResponses } },
    },
    async function previewInvitation(request) {
      const found = await ctx.invitations.peek(request.body.token);
      if (!found) throw unknownInvitation();
      return {
        workspaceName: found.workspace.name,
        workspaceSlug: found.workspace.slug,
        email: found.invitation.email,
        role: found.invitation.role,
        status: found.status,
        accountExists: (await ctx.users.findByEmail(found.invitation.email)) !== null,
      };
    },
  );

  app.post(
    "/invitations/accept",
    {
      config: { console: { public: true } },
      schema: {
        tags,
        summary: "Accept an invitation: signed in, or by creating the invited account",
        body: AcceptInvitationBody,
        response: { 200: SignedInSchema, ...RegistryErrorResponses },
      },
    },
    async function acceptInvitation(request, reply) {
      const { token, displayName, password } = request.body;
      const auth = request.consoleAuth;
      if (auth) {
        const membership = await ctx.invitations.accept(token, auth.user.id);
        await ctx.sessions.setWorkspace(auth.session.id, membership.workspaceId);
        const session = { ...auth.session, workspaceId: membership.workspaceId };
        return presentSignedIn({ ...auth, session }, await ctx.members.listWorkspacesOf(auth.user.id));
      }
      const found = await ctx.invitations.peek(token);
      if (!found) throw unknownInvitation();
      if (found.status !== "pending") throw new ApiError("conflict", { message: `This invitation is ${found.status}; ask for a new one` });
      if (await ctx.users.findByEmail(found.invitation.email)) {
        throw new ApiError("conflict", { message: `An account for ${found.invitation.email} exists: sign in, then open the link again` });
      }
      if (displayName === undefined || password === undefined) {
        throw new ApiError("validation_error", {
          message: "displayName and password are required to create your account",
          details: [
            ...(displayName === undefined ? [{ field: "displayName", message: "is required" }] : []),
            ...(password === undefined ? [{ field: "password", message: "is required" }] : []),
          ],
        });
      }
      const user = await ctx.users.create({ email: found.invitation.email, displayName, password });
      const membership = await ctx.invitations.accept(token, user.id);
      await ctx.audit.record({
        workspaceId: membership.workspaceId,
        actor: userActor(user.id, request.ip),
        action: "user.created",
        target: { type: "user", id: user.id },
        metadata: { email: user.email, invitationId: found.invitation.id },
      });
      return startSession(ctx, request, reply, user, membership.workspaceId);
    },
  );
}
