import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type, type Static } from "typebox";
import { ApiError, type FieldProblem } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import { decodeBase64Content, MAX_CONTEXT_FILE_BYTES, type ContextItemInput } from "./context-input.js";
import {
  AddContextItemBody,
  ContextIdParams,
  ContextItemParams,
  DownloadLinkSchema,
  DownloadQuery,
  DownloadUrlQuery,
} from "./context-schemas.js";
import type { PromptContextService } from "./context-service.js";
import { ContextItemSchema, SlugParams } from "./prompt-schemas.js";
import { requestKey } from "./request-key.js";

const tags = ["Prompts"];
const security = [{ bearerAuth: [] }];
// Base64 is 4/3 of the bytes, plus the JSON around it; the decoded size is checked exactly.
const CONTEXT_BODY_LIMIT = Math.ceil((MAX_CONTEXT_FILE_BYTES * 4) / 3) + 64 * 1024;

export interface ContextRouteOptions {
  /** The public base URL of this server (KEYWARD_PUBLIC_URL); else taken from the request. */
  publicUrl?: string | undefined;
}

function toInput(body: Static<typeof AddContextItemBody>): ContextItemInput {
  const missing: FieldProblem[] = [];
  const need = (field: "url" | "fileName" | "contentBase64") => {
    if (body[field] === undefined) missing.push({ field, message: `is required for a ${body.type} item` });
  };
  if (body.type === "url") need("url");
  else (["fileName", "contentBase64"] as const).forEach(need);
  if (missing.length > 0) {
    throw new ApiError("validation_error", { message: missing.map((p) => `${p.field} ${p.message}`).join("; "), details: missing });
  }
  if (body.type === "url") return { type: "url", label: body.label, url: body.url! };
  return { type: "file", label: body.label, fileName: body.fileName!, mimeType: body.mimeType, bytes: decodeBase64Content(body.contentBase64!) };
}

/** A Content-Disposition that survives any file name: ASCII fallback plus RFC 5987 UTF-8. */
function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function baseUrlOf(request: FastifyRequest, options: ContextRouteOptions): string {
  return options.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** Context items of a prompt's draft, and signed, expiring download links for file items. */
export function registerContextRoutes(root: FastifyInstance, context: PromptContextService, options: ContextRouteOptions = {}): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    "/v1/prompts/:slug/context",
    {
      bodyLimit: CONTEXT_BODY_LIMIT,
      config: { auth: { scope: "prompts:write" } },
      schema: {
        tags,
        security,
        summary: "Attach a url or a file (base64, at most 5 MB) to the draft",
        params: SlugParams,
        body: AddContextItemBody,
        response: { 201: ContextItemSchema, ...RegistryErrorResponses },
      },
    },
    async function addContextItem(request, reply) {
      const item = await context.add(requestKey(request).workspaceId, request.params.slug, toInput(request.body));
      reply.code(201);
      return item;
    },
  );

  app.delete(
    "/v1/prompts/:slug/context/:contextId",
    {
      config: { auth: { scope: "prompts:write" } },
      schema: {
        tags,
        security,
        summary: "Remove a context item from the draft",
        params: ContextItemParams,
        response: { 204: Type.Null({ description: "Removed" }), ...RegistryErrorResponses },
      },
    },
    async function removeContextItem(request, reply) {
      await context.remove(requestKey(request).workspaceId, request.params.slug, request.params.contextId);
      reply.code(204);
    },
  );

  app.get(
    "/v1/prompts/context/:contextId/download-url",
    {
      config: { auth: { scope: "prompts:read" } },
      schema: {
        tags,
        security,
        summary: "An expiring link to download a file context item without a key",
        params: ContextIdParams,
        querystring: DownloadUrlQuery,
        response: { 200: DownloadLinkSchema, ...RegistryErrorResponses },
      },
    },
    async function createDownloadUrl(request) {
      return context.createDownloadUrl(requestKey(request).workspaceId, request.params.contextId, {
        baseUrl: baseUrlOf(request, options),
        expiresInSeconds: request.query.expiresIn,
      });
    },
  );

  // No key: the signature is the authorization. It binds the item id and the expiry.
  root.get<{ Params: Static<typeof ContextIdParams>; Querystring: Static<typeof DownloadQuery> }>(
    "/v1/prompts/context/:contextId/download",
    {
      schema: {
        tags,
        summary: "Download a file context item through a signed link",
        params: ContextIdParams,
        querystring: DownloadQuery,
        response: {
          200: { description: "The file", content: { "application/octet-stream": { schema: Type.String({ format: "binary" }) } } },
          ...RegistryErrorResponses,
        },
      },
    },
    async function downloadContextFile(request, reply) {
      const file = await context.openDownload(request.params.contextId, request.query.expires, request.query.signature);
      // Served from the API's origin: never let a browser render an uploaded file as a page.
      reply
        .header("content-type", file.mimeType)
        .header("content-disposition", attachment(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store");
      return reply.send(file.bytes);
    },
  );
}
