import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { keyActor } from "../audit/index.js";
import type { Scope, VerifiedKey } from "../auth/index.js";
import { DEFAULT_SCOPES, normalizeScopes } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import type { KeyEnvironment } from "../keys/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import {
  CreateKeyBody,
  IssuedKeySchema,
  KeyIdParams,
  KeyListSchema,
  KeySchema,
  ListKeysQuery,
  RotateKeyBody,
  RotatedKeySchema,
  UpdateKeyBody,
} from "./key-schemas.js";
import type { KeyService } from "./key-service.js";
import { presentKey, presentRotatedKey } from "./present-key.js";

/**
 * A key can hand on only the rights it has itself, right now: its scopes narrowed to its
 * creator's current role (computed by the workspace-access guard), else its own scopes.
 */
function assertCanGrant(request: FastifyRequest, caller: VerifiedKey, scopes: readonly Scope[]): void {
  const granted = request.effectiveScopes ?? caller.scopes;
  const missing = scopes.filter((scope) => !granted.has(scope));
  if (missing.length > 0) {
    throw new ApiError("forbidden", { message: `Insufficient permissions: this key cannot grant ${missing.join(", ")}` });
  }
}

/** A sandbox key never issues a production key, by creation or by rotation. */
function assertCanIssueEnvironment(caller: VerifiedKey, environment: KeyEnvironment): void {
  if (caller.environment === "test" && environment === "live") {
    throw new ApiError("forbidden", { message: "Insufficient permissions: a test key cannot create live keys" });
  }
}

function parseExpiry(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return Date.parse(value);
}

function caller(key: VerifiedKey | null): VerifiedKey {
  // The route's auth config guarantees a key; this guards against a misconfigured route.
  if (key === null) throw new ApiError("unauthorized");
  return key;
}

/** `/v1/keys`: managing a workspace's keys with a key that has `keys:read` / `keys:write`. */
export function registerKeyRoutes(root: FastifyInstance, keys: KeyService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ["Keys"];
  const security = [{ bearerAuth: [] }];

  app.post(
    "/v1/keys",
    {
      config: { auth: { scope: "keys:write" } },
      schema: {
        tags,
        security,
        summary: "Create a key",
        body: CreateKeyBody,
        response: { 201: IssuedKeySchema, ...RegistryErrorResponses },
      },
    },
    async function createKey(request, reply) {
      const self = caller(request.apiKey);
      const scopes = normalizeScopes(request.body.scopes ?? DEFAULT_SCOPES);
      assertCanGrant(request, self, scopes);
      const environment = request.body.environment ?? self.environment;
      assertCanIssueEnvironment(self, environment);
      const issued = await keys.create(
        {
          workspaceId: self.workspaceId,
          name: request.body.name,
          environment,
          scopes,
          expiresAt: parseExpiry(request.body.expiresAt) ?? null,
          createdBy: self.createdBy,
        },
        keyActor(self.id, request.ip),
      );
      reply.code(201);
      return { ...presentKey(issued.record), key: issued.secret };
    },
  );

  app.get(
    "/v1/keys",
    {
      config: { auth: { scope: "keys:read" } },
      schema: {
        tags,
        security,
        summary: "List keys, newest first",
        querystring: ListKeysQuery,
        response: { 200: KeyListSchema, ...RegistryErrorResponses },
      },
    },
    async function listKeys(request) {
      const self = caller(request.apiKey);
      const page = await keys.list(self.workspaceId, request.query);
      const now = Date.now();
      return { keys: page.keys.map((key) => presentKey(key, now)), cursor: page.cursor, hasMore: page.hasMore };
    },
  );

  app.get(
    "/v1/keys/:id",
    {
      config: { auth: { scope: "keys:read" } },
      schema: { tags, security, summary: "Get a key", params: KeyIdParams, response: { 200: KeySchema, ...RegistryErrorResponses } },
    },
    async function getKey(request) {
      const self = caller(request.apiKey);
      return presentKey(await keys.get(request.params.id, self.workspaceId));
    },
  );

  app.patch(
    "/v1/keys/:id",
    {
      config: { auth: { scope: "keys:write" } },
      schema: {
        tags,
        security,
        summary: "Rename a key, change its scopes or expiry",
        params: KeyIdParams,
        body: UpdateKeyBody,
        response: { 200: KeySchema, ...RegistryErrorResponses },
      },
    },
    async function updateKey(request) {
      const self = caller(request.apiKey);
      const scopes = request.body.scopes ? normalizeScopes(request.body.scopes) : undefined;
      if (scopes) assertCanGrant(request, self, scopes);
      const expiresAt = parseExpiry(request.body.expiresAt);
      if (typeof expiresAt === "number" && expiresAt <= Date.now()) {
        throw new ApiError("validation_error", {
          message: "expiresAt must be in the future",
          details: [{ field: "expiresAt", message: "must be in the future" }],
        });
      }
      const patch = { name: request.body.name, scopes, expiresAt };
      const updated = await keys.update(request.params.id, patch, self.workspaceId, keyActor(self.id, request.ip));
      return presentKey(updated);
    },
  );

  app.post(
    "/v1/keys/:id/rotate",
    {
      config: { auth: { scope: "keys:write" } },
      schema: {
        tags,
        security,
        summary: "Rotate a key: issue a replacement, end the old one after a grace period",
        params: KeyIdParams,
        body: RotateKeyBody,
        response: { 200: RotatedKeySchema, ...RegistryErrorResponses },
      },
    },
    async function rotateKey(request) {
      const self = caller(request.apiKey);
      const grace = request.body?.gracePeriodSeconds ?? 0;
      // The new secret carries the old key's rights: the caller must be able to grant them.
      const old = await keys.get(request.params.id, self.workspaceId);
      assertCanGrant(request, self, old.scopes as Scope[]);
      assertCanIssueEnvironment(self, old.environment);
      const rotated = await keys.rotate(request.params.id, grace, self.workspaceId, keyActor(self.id, request.ip));
      return presentRotatedKey(rotated);
    },
  );

  app.delete(
    "/v1/keys/:id",
    {
      config: { auth: { scope: "keys:write" } },
      schema: { tags, security, summary: "Revoke a key", params: KeyIdParams, response: { 200: KeySchema, ...RegistryErrorResponses } },
    },
    async function revokeKey(request) {
      const self = caller(request.apiKey);
      return presentKey(await keys.revoke(request.params.id, self.workspaceId, keyActor(self.id, request.ip)));
    },
  );
}
