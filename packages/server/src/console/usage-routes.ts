import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { UsageOutcome } from "../store/index.js";
import type { ConsoleContext } from "./console-context.js";
import { WorkspaceParams } from "./console-schemas.js";

const tags = ["Console"];
const DAY_MS = 86_400_000;

const Counts = {
  /** 2xx and 3xx answers. */
  success: Type.Integer(),
  unauthorized: Type.Integer({ description: "401: invalid, revoked or expired key" }),
  forbidden: Type.Integer({ description: "403: missing scope, inactive subscription, no credits" }),
  rateLimited: Type.Integer({ description: "429" }),
  /** Other errors (4xx, 5xx). */
  other: Type.Integer(),
};

const UsageQuerystring = Type.Object(
  {
    days: Type.Optional(Type.Union([Type.Literal(7), Type.Literal(30), Type.Literal(90)], { default: 30 })),
    keyId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const UsageSchema = Type.Object({
  from: Type.String({ format: "date-time" }),
  to: Type.String({ format: "date-time" }),
  /** One entry per UTC day, oldest first, zeros included. */
  days: Type.Array(Type.Object({ date: Type.String({ examples: ["2024-01-15"] }), ...Counts })),
  /** Per key over the whole range, busiest first. */
  keys: Type.Array(
    Type.Object({ keyId: Type.String(), name: Type.String(), hint: Type.String(), environment: Type.String(), total: Type.Integer(), ...Counts }),
  ),
});

/** Requests of one key on one UTC day with one outcome. */
export interface DailyUsageCount {
  keyId: string;
  dayStart: number;
  outcome: UsageOutcome;
  count: number;
}

type CountName = "success" | "unauthorized" | "forbidden" | "rateLimited" | "other";

const COUNT_OF_OUTCOME: Record<UsageOutcome, CountName> = {
  ok: "success",
  "401": "unauthorized",
  "403": "forbidden",
  "429": "rateLimited",
  "4xx": "other",
  "5xx": "other",
};

function zero(): Record<CountName, number> {
  return { success: 0, unauthorized: 0, forbidden: 0, rateLimited: 0, other: 0 };
}

/** Sums counts into per-day rows (every day of the range) and per-key totals. */
export function summarizeUsage(counts: readonly DailyUsageCount[], from: number, to: number) {
  const days = new Map<number, Record<CountName, number>>();
  for (let day = from; day < to; day += DAY_MS) days.set(day, zero());
  const perKey = new Map<string, Record<CountName, number>>();
  for (const entry of counts) {
    const name = COUNT_OF_OUTCOME[entry.outcome];
    const day = days.get(entry.dayStart);
    if (day) day[name] += entry.count;
    const key = perKey.get(entry.keyId) ?? zero();
    key[name] += entry.count;
    perKey.set(entry.keyId, key);
  }
  return {
    days: [...days].map(([dayStart, values]) => ({ date: new Date(dayStart).toISOString().slice(0, 10), ...values })),
    perKey,
  };
}

/** `/api/console/workspaces/:workspaceId/usage`: the Usage page's chart and per-key table. */
export function registerUsageRoutes(root: FastifyInstance, ctx: ConsoleContext): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/workspaces/:workspaceId/usage",
    {
      schema: {
        tags,
        summary: "Requests per day by outcome, for the workspace or one key",
        params: WorkspaceParams,
        querystring: UsageQuerystring,
        response: { 200: UsageSchema, ...RegistryErrorResponses },
      },
    },
    async function getUsage(request) {
      const access = await ctx.access(request, request.params.workspaceId);
      const days = request.query.days ?? 30;
      const now = Date.now();
      const to = now - (now % DAY_MS) + DAY_MS;
      const from = to - days * DAY_MS;
      const series = await ctx.usage.seriesByKey({ workspaceId: access.workspace.id, keyId: request.query.keyId, from, to, granularity: "day" });
      const counts = series.keys.flatMap(({ keyId, buckets }) =>
        buckets.flatMap((bucket) =>
          (Object.entries(bucket.outcomes) as Array<[UsageOutcome, number]>)
            .filter(([, count]) => count > 0)
            .map(([outcome, count]) => ({ keyId, dayStart: bucket.start, outcome, count })),
        ),
      );
      const summary = summarizeUsage(counts, from, to);
      const keys = [];
      for (const [keyId, values] of summary.perKey) {
        const key = await ctx.store.findKeyById(keyId);
        if (!key || key.workspaceId !== access.workspace.id) continue;
        const total = Object.values(values).reduce((sum, n) => sum + n, 0);
        keys.push({ keyId, name: key.name, hint: key.hint, environment: key.environment, total, ...values });
      }
      keys.sort((a, b) => b.total - a.total);
      return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), days: summary.days, keys };
    },
  );
}
