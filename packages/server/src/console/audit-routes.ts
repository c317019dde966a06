import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { AUDIT_ACTIONS, MAX_AUDIT_PAGE, type AuditEntry } from "../audit/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { ConsoleContext } from "./console-context.js";
import { WorkspaceParams } from "./console-schemas.js";
import { assertAllowed } from "./workspace-access.js";

const tags = ["Console"];

const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.Union(AUDIT_ACTIONS.map((action) => Type.Literal(action)))),
    actorId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const AuditEntrySchema = Type.Object({
  id: Type.String(),
  action: Type.String(),
  actor: Type.Object({
    type: Type.Union([Type.Literal("user"), Type.Literal("key"), Type.Literal("cli"), Type.Literal("system")]),
    id: Type.Union([Type.String(), Type.Null()]),
    /** A user's name and email, a key's name; null when gone or not applicable. */
    label: Type.Union([Type.String(), Type.Null()]),
  }),
  target: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: "date-time" }),
});

const AuditPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  cursor: Type.Union([Type.String(), Type.Null()]),
  hasMore: Type.Boolean(),
  actions: Type.Array(Type.String(), { description: "Every action, for the filter" }),
});

/** `/api/console/workspaces/:workspaceId/audit`: the Audit log page, for owners and admins. */
export function registerAuditRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  /** Names for the actors of a page, looked up once per distinct actor. */
  async function actorLabels(entries: AuditEntry[]): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const entry of entries) {
      const { type, id } = entry.actor;
      if (id === null || labels.has(id)) continue;
      if (type === "user") {
        const user = await ctx.users.findById(id);
        if (user) labels.set(id, `${user.displayName} <${user.email}>`);
      } else if (type === "key") {
        const key = await ctx.store.findKeyById(id);
        if (key) labels.set(id, `${key.name} (${key.hint})`);
      }
    }
    return labels;
  }

  app.get(
    "/workspaces/:workspaceId/audit",
    {
      schema: {
        tags,
        summary: "Who did what and when, newest first, filtered",
        params: WorkspaceParams,
        querystring: AuditQuery,
        response: { 200: AuditPageSchema, ...RegistryErrorResponses },
      },
    },
    async function listAudit(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      assertAllowed(access.permissions.viewAuditLog, "only owners and admins read the audit log");
      const { from, to, ...rest } = request.query;
      const page = await ctx.audit.list(access.workspace.id, {
        ...rest,
        from: from === undefined ? undefined : Date.parse(from),
        to: to === undefined ? undefined : Date.parse(to),
      });
      const labels = await actorLabels(page.entries);
      return {
        entries: page.entries.map((entry) => ({
          id: entry.id,
          action: entry.action,
          actor: { ...entry.actor, label: entry.actor.id === null ? null : (labels.get(entry.actor.id) ?? null) },
          target: entry.target,
          ip: entry.ip,
          metadata: entry.metadata,
          createdAt: new Date(entry.createdAt).toISOString(),
        })),
        cursor: page.cursor,
        hasMore: page.hasMore,
        actions: [...AUDIT_ACTIONS],
      };
    },
  );
}
