import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import { ApiError } from "../errors/index.js";
import type { KeywardMetrics } from "./keyward-metrics.js";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Constant-time comparison, so response times do not reveal the token byte by byte.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Counts every answer by route and outcome in one `onResponse` hook (plain array
 * increments; see RequestCounters). Routes are their patterns, never raw URLs, so
 * the label set stays bounded.
 */
export function installRequestCounting(app: FastifyInstance, metrics: KeywardMetrics): void {
  app.addHook("onResponse", function countRequest(request, reply, done) {
    metrics.requests.count(request.routeOptions.url ?? "(unmatched)", reply.statusCode);
    done();
  });
}

/**
 * `GET /metrics` in Prometheus text format: open by default (keep it on a private network),
 * or behind `Authorization: Bearer <KEYWARD_METRICS_TOKEN>` when a token is configured.
 *
 * @example registerMetricsRoute(app, metrics, { token: config.metricsToken });
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: KeywardMetrics, options: { token?: string | undefined } = {}): void {
  const expected = options.token ? `Bearer ${options.token}` : undefined;
  app.get(
    "/metrics",
    {
      schema: {
        tags: ["Probes"],
        summary: "Prometheus metrics",
        description: "Unauthenticated unless KEYWARD_METRICS_TOKEN is set; then send it as a Bearer token.",
        response: { 200: Type.String() },
      },
    },
    async function metricsText(request, reply) {
      if (expected !== undefined && !sameSecret(request.headers.authorization ?? "", expected)) {
        throw new ApiError("unauthorized", { message: "A valid metrics token is required" });
      }
      const text = await metrics.render();
      reply.type(metrics.contentType);
      return text;
    },
  );
}
