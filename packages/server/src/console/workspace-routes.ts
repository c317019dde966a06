import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { userActor } from "../audit/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { ConsoleContext } from "./console-context.js";
import { requireSignedIn } from "./console-request.js";
import { MyWorkspaceSchema, WorkspaceParams } from "./console-schemas.js";
import { presentMyWorkspace } from "./present-session.js";
import { assertAllowed } from "./workspace-access.js";
import { renameWorkspace } from "./workspace-rename.js";

const tags = ["Console"];

const CreateWorkspaceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, examples: ["Acme Inc"] }),
    slug: Type.String({ minLength: 1, maxLength: 40, examples: ["acme"], description: "Part of every package name: @acme/welcome" }),
  },
  { additionalProperties: false },
);
const UpdateWorkspaceBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
const MyWorkspacesSchema = Type.Object({ workspaces: Type.Array(MyWorkspaceSchema) });

/** `/api/console/workspaces`: the switcher's list, a new workspace, and the Settings page's name and subscription. */
export function registerWorkspaceRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  async function mine(userId: string, workspaceId: string) {
    const entry = (await ctx.members.listWorkspacesOf(userId)).find((w) => w.workspace.id === workspaceId);
    return presentMyWorkspace(entry!);
  }

  app.get(
    "/workspaces",
    { schema: { tags, summary: "The workspaces you belong to", response: { 200: MyWorkspacesSchema, ...RegistryErrorResponses } } },
    async function listMyWorkspaces(request) {
      const auth = requireSignedIn(request);
      return { workspaces: (await ctx.members.listWorkspacesOf(auth.user.id)).map(presentMyWorkspace) };
    },
  );

  app.post(
    "/workspaces",
    {
      schema: { tags, summary: "Create a workspace you own, and switch to it", body: CreateWorkspaceBody, response: { 201: MyWorkspaceSchema, ...RegistryErrorResponses } },
    },
    async function createMyWorkspace(request, reply) {
      const auth = requireSignedIn(request);
      const actor = userActor(auth.user.id, request.ip);
      const workspace = await ctx.workspaces.create({ slug: request.body.slug, name: request.body.name, ownerUserId: auth.user.id }, actor);
      await ctx.sessions.setWorkspace(auth.session.id, workspace.id);
      reply.code(201);
      return mine(auth.user.id, workspace.id);
    },
  );

  app.get(
    "/workspaces/:workspaceId",
    { schema: { tags, summary: "A workspace's settings and your role in it", params: WorkspaceParams, response: { 200: MyWorkspaceSchema, ...RegistryErrorResponses } } },
    async function getMyWorkspace(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      return mine(access.auth.user.id, access.workspace.id);
    },
  );

  app.patch(
    "/workspaces/:workspaceId",
    {
      schema: { tags, summary: "Rename a workspace (its slug stays)", params: WorkspaceParams, body: UpdateWorkspaceBody, response: { 200: MyWorkspaceSchema, ...RegistryErrorResponses } },
    },
    async function updateMyWorkspace(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      assertAllowed(access.permissions.editSettings, "only owners and admins change workspace settings");
      await renameWorkspace(ctx.db, ctx.audit, { workspaceId: access.workspace.id, name: request.body.name, actor: access.actor });
      return mine(access.auth.user.id, access.workspace.id);
    },
  );
}
