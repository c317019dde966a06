import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { normalizeScopes, type Scope } from "../auth/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import { presentKey, presentRotatedKey } from "../management/index.js";
import type { KeyRecord } from "../store/index.js";
import type { ConsoleContext } from "./console-context.js";
import { WorkspaceParams } from "./console-schemas.js";
import {
  ConsoleCreateKeyBody,
  ConsoleKeyListQuery,
  ConsoleKeyListSchema,
  ConsoleKeyParams,
  ConsoleKeySchema,
  ConsoleRenameKeyBody,
  ConsoleRotateKeyBody,
  IssuedKeySchema,
  RotatedKeySchema,
} from "./console-key-schemas.js";
import { keyBadges } from "./key-badges.js";
import { assertAllowed, type WorkspaceAccess } from "./workspace-access.js";

const tags = ["Console"];
// The dashboard lists a workspace's keys in one go; beyond this, search narrows them.
const MAX_LISTED_KEYS = 2_000;

function mayManage(access: WorkspaceAccess, key: KeyRecord): boolean {
  return access.permissions.manageAllKeys || (access.permissions.createKeys && key.createdBy === access.auth.user.id);
}

async function readAllKeys(ctx: ConsoleContext, workspaceId: string): Promise<KeyRecord[]> {
  const keys: KeyRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.keys.list(workspaceId, { limit: 100, cursor });
    keys.push(...page.keys);
    cursor = page.cursor ?? undefined;
  } while (cursor !== undefined && keys.length < MAX_LISTED_KEYS);
  return keys;
}

function matchesSearch(key: KeyRecord, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return needle === "" || [key.name, key.hint, key.id].some((text) => text.toLowerCase().includes(needle));
}

/** `/api/console/workspaces/:workspaceId/keys`: the API Keys page. */
export function registerConsoleKeyRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  async function names(workspaceId: string): Promise<Map<string, string>> {
    const members = await ctx.members.list(workspaceId);
    return new Map(members.map((member) => [member.userId, member.displayName]));
  }

  function present(access: WorkspaceAccess, key: KeyRecord, creators: Map<string, string>, now = Date.now()) {
    return {
      ...presentKey(key, now),
      createdByName: key.createdBy === null ? null : (creators.get(key.createdBy) ?? null),
      ...keyBadges(key, now),
      canManage: mayManage(access, key),
    };
  }

  /** The key, if the signed-in member may change it: others' keys need an owner or admin. */
  async function manageableKey(access: WorkspaceAccess, keyId: string): Promise<KeyRecord> {
    const key = await ctx.keys.get(keyId, access.workspace.id);
    assertAllowed(mayManage(access, key), "only owners and admins manage keys other people created");
    return key;
  }

  app.get(
    "/workspaces/:workspaceId/keys",
    {
      schema: {
        tags,
        summary: "The workspace's keys, newest first, searched and filtered",
        params: WorkspaceParams,
        querystring: ConsoleKeyListQuery,
        response: { 200: ConsoleKeyListSchema, ...RegistryErrorResponses },
      },
    },
    async function listConsoleKeys(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      const all = await readAllKeys(ctx, access.workspace.id);
      const creators = await names(access.workspace.id);
      const now = Date.now();
      const { search = "", environment, status } = request.query;
      const keys = all
        .filter((key) => matchesSearch(key, search) && (environment === undefined || key.environment === environment))
        .map((key) => present(access, key, creators, now))
        .filter((key) => status === undefined || key.status === status);
      return { keys, total: all.length };
    },
  );

  app.post(
    "/workspaces/:workspaceId/keys",
    {
      schema: {
        tags,
        summary: "Create a key; its secret is in this response only",
        params: WorkspaceParams,
        body: ConsoleCreateKeyBody,
        response: { 201: IssuedKeySchema, ...RegistryErrorResponses },
      },
    },
    async function createConsoleKey(request, reply) {
      const access = await ctx.access(request, request.params.workspaceId);
      assertAllowed(access.permissions.createKeys, `a ${access.role} cannot create keys`);
      const scopes = normalizeScopes(request.body.scopes);
      const beyondRole = scopes.filter((scope) => !access.permissions.grantableScopes.includes(scope));
      assertAllowed(beyondRole.length === 0, `a ${access.role} cannot grant ${beyondRole.join(", ")}`);
      const expiresAt = request.body.expiresAt === null ? null : Date.parse(request.body.expiresAt);
      const issued = await ctx.keys.create(
        {
          workspaceId: access.workspace.id,
          name: request.body.name,
          environment: request.body.environment,
          scopes: scopes as Scope[],
          expiresAt,
          createdBy: access.auth.user.id,
        },
        access.actor,
      );
      reply.code(201);
      return { ...presentKey(issued.record), key: issued.secret };
    },
  );

  app.patch(
    "/workspaces/:workspaceId/keys/:keyId",
    {
      schema: {
        tags,
        summary: "Rename a key",
        params: ConsoleKeyParams,
        body: ConsoleRenameKeyBody,
        response: { 200: ConsoleKeySchema, ...RegistryErrorResponses },
      },
    },
    async function renameConsoleKey(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      await manageableKey(access, request.params.keyId);
      const updated = await ctx.keys.update(request.params.keyId, { name: request.body.name }, access.workspace.id, access.actor);
      return present(access, updated, await names(access.workspace.id));
    },
  );

  app.post(
    "/workspaces/:workspaceId/keys/:keyId/rotate",
    {
      schema: {
        tags,
        summary: "Rotate a key: a replacement now (secret shown once), the old key ends after the grace period",
        params: ConsoleKeyParams,
        body: ConsoleRotateKeyBody,
        response: { 200: RotatedKeySchema, ...RegistryErrorResponses },
      },
    },
    async function rotateConsoleKey(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      await manageableKey(access, request.params.keyId);
      const rotated = await ctx.keys.rotate(request.params.keyId, request.body.gracePeriodSeconds, access.workspace.id, access.actor);
      return presentRotatedKey(rotated);
    },
  );

  app.delete(
    "/workspaces/:workspaceId/keys/:keyId",
    {
      schema: { tags, summary: "Revoke a key (it stops working at once)", params: ConsoleKeyParams, response: { 200: ConsoleKeySchema, ...RegistryErrorResponses } },
    },
    async function revokeConsoleKey(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      await manageableKey(access, request.params.keyId);
      const revoked = await ctx.keys.revoke(request.params.keyId, access.workspace.id, access.actor);
      return present(access, revoked, await names(access.workspace.id));
    },
  );
}
