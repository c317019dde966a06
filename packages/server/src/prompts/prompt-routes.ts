import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { PromptService } from "./prompt-service.js";
import {
  CreatePromptBody,
  GetPromptBody,
  ListPromptsQuery,
  PackageNameParams,
  PromptListSchema,
  PromptSchema,
  ScopedPackageParams,
  SlugParams,
  UpdateDraftBody,
} from "./prompt-schemas.js";
import { requestKey } from "./request-key.js";

const tags = ["Prompts"];
const security = [{ bearerAuth: [] }];

/** `/v1/prompts`: list, get by package name, create, edit the draft, publish. */
export function registerPromptRoutes(root: FastifyInstance, prompts: PromptService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/v1/prompts",
    {
      config: { auth: { scope: "prompts:list" } },
      schema: {
        tags,
        security,
        summary: "List the workspace's prompts, newest first",
        querystring: ListPromptsQuery,
        response: { 200: PromptListSchema, ...RegistryErrorResponses },
      },
    },
    async function listPrompts(request) {
      return prompts.list(requestKey(request).workspaceId, request.query);
    },
  );

  app.post(
    "/v1/prompts/get",
    {
      config: { auth: { scope: "prompts:read" } },
      schema: {
        tags,
        security,
        summary: "Get a prompt by package name, with its variables rendered",
        body: GetPromptBody,
        response: { 200: PromptSchema, ...RegistryErrorResponses },
      },
    },
    async function getPrompt(request) {
      return prompts.getForWorkspace(requestKey(request).workspaceId, request.body.package_name, request.body.variables);
    },
  );

  // For curl: `/v1/prompts/@acme/welcome:v1`, or the whole name URL-encoded as one segment.
  app.get(
    "/v1/prompts/:workspace/:name",
    {
      config: { auth: { scope: "prompts:read" } },
      schema: {
        tags,
        security,
        summary: "Get a prompt by package name: GET /v1/prompts/@acme/welcome:v1",
        params: ScopedPackageParams,
        response: { 200: PromptSchema, ...RegistryErrorResponses },
      },
    },
    async function getPromptByPath(request) {
      const { workspace, name } = request.params;
      return prompts.getForWorkspace(requestKey(request).workspaceId, `${workspace}/${name}`);
    },
  );

  app.get(
    "/v1/prompts/:packageName",
    {
      config: { auth: { scope: "prompts:read" } },
      schema: {
        tags,
        security,
        summary: "Get a prompt by URL-encoded package name: GET /v1/prompts/%40acme%2Fwelcome%3Av1",
        params: PackageNameParams,
        response: { 200: PromptSchema, ...RegistryErrorResponses },
      },
    },
    async function getPromptByEncodedName(request) {
      return prompts.getForWorkspace(requestKey(request).workspaceId, request.params.packageName);
    },
  );

  app.post(
    "/v1/prompts",
    {
      config: { auth: { scope: "prompts:write" } },
      schema: {
        tags,
        security,
        summary: "Create a prompt as a draft (v0)",
        body: CreatePromptBody,
        response: { 201: PromptSchema, ...RegistryErrorResponses },
      },
    },
    async function createPrompt(request, reply) {
      const created = await prompts.create(requestKey(request).workspaceId, request.body);
      reply.code(201);
      return created;
    },
  );

  app.put(
    "/v1/prompts/:slug/draft",
    {
      config: { auth: { scope: "prompts:write" } },
      schema: {
        tags,
        security,
        summary: "Edit the draft: fields left out keep their value, null clears an optional field",
        params: SlugParams,
        body: UpdateDraftBody,
        response: { 200: PromptSchema, ...RegistryErrorResponses },
      },
    },
    async function updateDraft(request) {
      const updated = await prompts.updateDraft(requestKey(request).workspaceId, request.params.slug, request.body);
      return updated.prompt;
    },
  );

  app.post(
    "/v1/prompts/:slug/publish",
    {
      config: { auth: { scope: "prompts:write" } },
      schema: {
        tags,
        security,
        summary: "Publish the draft as the next version (409 when it has not changed since the last publish)",
        params: SlugParams,
        response: { 201: PromptSchema, ...RegistryErrorResponses },
      },
    },
    async function publishPrompt(request, reply) {
      const published = await prompts.publish(requestKey(request).workspaceId, request.params.slug);
      reply.code(201);
      return published;
    },
  );
}
