import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import { CreatePromptBody, ListPromptsQuery, PromptListSchema, PromptSchema, SlugParams, UpdateDraftBody } from "../prompts/prompt-schemas.js";
import type { ConsoleContext } from "./console-context.js";
import { WorkspaceParams } from "./console-schemas.js";
import { assertAllowed } from "./workspace-access.js";

const tags = ["Console"];
const PromptParams = Type.Object({ ...WorkspaceParams.properties, ...SlugParams.properties });
const PromptVersionsSchema = Type.Object({
  /** The editable draft (`v0`). */
  draft: PromptSchema,
  /** Published versions, newest first. */
  versions: Type.Array(PromptSchema),
});

/** `/api/console/workspaces/:workspaceId/prompts`: the Prompts page, over the registry's own service. */
export function registerConsolePromptRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/workspaces/:workspaceId/prompts",
    {
      schema: {
        tags,
        summary: "The workspace's prompts at their latest version, newest first",
        params: WorkspaceParams,
        querystring: ListPromptsQuery,
        response: { 200: PromptListSchema, ...RegistryErrorResponses },
      },
    },
    async function listConsolePrompts(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      return ctx.prompts.list(access.workspace.id, request.query);
    },
  );

  app.post(
    "/workspaces/:workspaceId/prompts",
    {
      schema: { tags, summary: "Create a prompt (as a draft)", params: WorkspaceParams, body: CreatePromptBody, response: { 201: PromptSchema, ...RegistryErrorResponses } },
    },
    async function createConsolePrompt(request, reply) {
      const access = await ctx.access(request, request.params.workspaceId);
      assertAllowed(access.permissions.editPrompts, `a ${access.role} cannot edit prompts`);
      const prompt = await ctx.prompts.create(access.workspace.id, request.body);
      reply.code(201);
      return prompt;
    },
  );

  app.get(
    "/workspaces/:workspaceId/prompts/:slug/versions",
    {
      schema: { tags, summary: "A prompt's draft and published versions", params: PromptParams, response: { 200: PromptVersionsSchema, ...RegistryErrorResponses } },
    },
    async function listConsolePromptVersions(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      const all = await ctx.prompts.listVersions(access.workspace.id, request.params.slug);
      const draft = all.find((prompt) => prompt.version === "v0") ?? (await ctx.prompts.getDraft(access.workspace.id, request.params.slug));
      return { draft, versions: all.filter((prompt) => prompt.version !== "v0") };
    },
  );

  app.put(
    "/workspaces/:workspaceId/prompts/:slug/draft",
    {
      schema: { tags, summary: "Edit a prompt's draft", params: PromptParams, body: UpdateDraftBody, response: { 200: PromptSchema, ...RegistryErrorResponses } },
    },
    async function updateConsolePromptDraft(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      assertAllowed(access.permissions.editPrompts, `a ${access.role} cannot edit prompts`);
      return (await ctx.prompts.updateDraft(access.workspace.id, request.params.slug, request.body)).prompt;
    },
  );

  app.post(
    "/workspaces/:workspaceId/prompts/:slug/publish",
    {
      schema: { tags, summary: "Publish the draft as the next version", params: PromptParams, response: { 200: PromptSchema, ...RegistryErrorResponses } },
    },
    async function publishConsolePrompt(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      assertAllowed(access.permissions.editPrompts, `a ${access.role} cannot publish prompts`);
      return ctx.prompts.publish(access.workspace.id, request.params.slug);
    },
  );
}
