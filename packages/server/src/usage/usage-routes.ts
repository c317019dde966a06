import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { ApiError } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import type { UsageBucket } from "./usage-buckets.js";
import type { UsageService } from "./usage-service.js";

const Count = Type.Integer({ minimum: 0 });

const UsageBucketSchema = Type.Object({
  start: Type.String({ format: "date-time", examples: ["2024-01-15T00:00:00.000Z"] }),
  requests: Count,
  credits: Count,
  outcomes: Type.Object({ ok: Count, "401": Count, "403": Count, "429": Count, "4xx": Count, "5xx": Count }),
});

const UsageSeriesSchema = Type.Object(
  {
    granularity: Type.Union([Type.Literal("hour"), Type.Literal("day")]),
    from: Type.String({ format: "date-time" }),
    to: Type.String({ format: "date-time" }),
    keyId: Type.Union([Type.String(), Type.Null()]),
    buckets: Type.Array(UsageBucketSchema),
  },
  { description: "Requests by outcome and credits charged, per hour or UTC day, empty buckets included" },
);

const UsageQuerySchema = Type.Object(
  {
    keyId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "One key of the workspace (default: all keys)" })),
    from: Type.Optional(Type.String({ description: "Start (ISO 8601), rounded down to the bucket; default 24 hours or 30 days before `to`" })),
    to: Type.Optional(Type.String({ description: "End, exclusive (ISO 8601); default now" })),
    granularity: Type.Optional(Type.Union([Type.Literal("hour"), Type.Literal("day")], { default: "day" })),
  },
  { additionalProperties: false },
);

function parseTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) {
    throw new ApiError("validation_error", {
      message: `${field} must be an ISO 8601 time such as 2024-01-15T00:00:00Z`,
      details: [{ field, message: "is not a valid time" }],
    });
  }
  return at;
}

export function presentUsageBucket(bucket: UsageBucket) {
  return { start: new Date(bucket.start).toISOString(), requests: bucket.requests, credits: bucket.credits, outcomes: bucket.outcomes };
}

/** `GET /v1/usage`: the key's workspace's usage (or one of its keys'), with `usage:read`. */
export function registerUsageRoutes(root: FastifyInstance, usage: UsageService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    "/v1/usage",
    {
      config: { auth: { scope: "usage:read" } },
      schema: {
        tags: ["Usage"],
        summary: "Requests and credits per hour or day",
        security: [{ bearerAuth: [] }],
        querystring: UsageQuerySchema,
        response: { 200: UsageSeriesSchema, ...RegistryErrorResponses },
      },
    },
    async function getUsage(request) {
      const key = request.apiKey;
      if (key === null) throw new ApiError("unauthorized");
      const series = await usage.series({
        workspaceId: key.workspaceId,
        keyId: request.query.keyId,
        from: parseTime(request.query.from, "from"),
        to: parseTime(request.query.to, "to"),
        granularity: request.query.granularity ?? "day",
      });
      return {
        granularity: series.granularity,
        from: new Date(series.from).toISOString(),
        to: new Date(series.to).toISOString(),
        keyId: series.keyId,
        buckets: series.buckets.map(presentUsageBucket),
      };
    },
  );
}
