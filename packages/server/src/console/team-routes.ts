import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { InvitationRecord, MemberView } from "../workspaces/people-records.js";
import type { ConsoleContext } from "./console-context.js";
import { NoContent, WorkspaceParams } from "./console-schemas.js";
import { publicBaseUrl } from "./public-url.js";
import { InvitationParams, InviteBody, IssuedInvitationSchema, MemberParams, MemberSchema, SetRoleBody, TeamSchema } from "./team-schemas.js";

const tags = ["Console"];

function presentMember(member: MemberView, you: string) {
  return {
    userId: member.userId,
    email: member.email,
    displayName: member.displayName,
    role: member.role,
    joinedAt: new Date(member.joinedAt).toISOString(),
    you: member.userId === you,
  };
}

function presentInvitation(invitation: InvitationRecord) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: new Date(invitation.createdAt).toISOString(),
    expiresAt: new Date(invitation.expiresAt).toISOString(),
  };
}

/**
 * `/api/console/workspaces/:workspaceId/members` and `/invitations`: the Team page. The
 * membership rules (managers only, admins never touch owners, one owner stays) live in the
 * workspace services; these routes pass the signed-in user as the actor.
 */
export function registerTeamRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/workspaces/:workspaceId/members",
    { schema: { tags, summary: "Members and pending invitations", params: WorkspaceParams, response: { 200: TeamSchema, ...RegistryErrorResponses } } },
    async function listTeam(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      const members = await ctx.members.list(access.workspace.id);
      const invitations = access.permissions.manageMembers ? await ctx.invitations.listPending(access.workspace.id) : [];
      return {
        members: members.map((member) => presentMember(member, access.auth.user.id)),
        invitations: invitations.map(presentInvitation),
      };
    },
  );

  app.post(
    "/workspaces/:workspaceId/invitations",
    {
      schema: {
        tags,
        summary: "Invite someone by email; answers the link to send them",
        params: WorkspaceParams,
        body: InviteBody,
        response: { 201: IssuedInvitationSchema, ...RegistryErrorResponses },
      },
    },
    async function inviteMember(request, reply) {
      const access = await ctx.access(request, request.params.workspaceId);
      const issued = await ctx.invitations.create(access.workspace.id, request.body.email, request.body.role, access.actor);
      reply.code(201);
      return {
        invitation: presentInvitation(issued.invitation),
        inviteUrl: `${publicBaseUrl(request, ctx.publicUrl)}/invite?token=${encodeURIComponent(issued.token)}`,
      };
    },
  );

  app.delete(
    "/workspaces/:workspaceId/invitations/:invitationId",
    { schema: { tags, summary: "Withdraw a pending invitation", params: InvitationParams, response: { 204: NoContent, ...RegistryErrorResponses } } },
    async function revokeInvitation(request, reply) {
      const access = await ctx.access(request, request.params.workspaceId);
      await ctx.invitations.revoke(access.workspace.id, request.params.invitationId, access.actor);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    "/workspaces/:workspaceId/members/:userId",
    {
      schema: { tags, summary: "Change a member's role", params: MemberParams, body: SetRoleBody, response: { 200: MemberSchema, ...RegistryErrorResponses } },
    },
    async function setMemberRole(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      await ctx.members.setRole(access.workspace.id, request.params.userId, request.body.role, access.actor);
      const member = (await ctx.members.list(access.workspace.id)).find((m) => m.userId === request.params.userId);
      return presentMember(member!, access.auth.user.id);
    },
  );

  app.delete(
    "/workspaces/:workspaceId/members/:userId",
    { schema: { tags, summary: "Remove a member (or leave, for yourself)", params: MemberParams, response: { 204: NoContent, ...RegistryErrorResponses } } },
    async function removeMember(request, reply) {
      const access = await ctx.access(request, request.params.workspaceId);
      await ctx.members.remove(access.workspace.id, request.params.userId, access.actor);
      return reply.code(204).send(null);
    },
  );
}
