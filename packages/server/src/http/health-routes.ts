import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { Store } from "../store/index.js";
import { RegistryErrorResponses } from "./error-schemas.js";

/** UTC, second precision: `2024-01-15T10:30:00Z`. */
export function healthTimestamp(now: number): string {
  return new Date(now - (now % 1000)).toISOString().replace(".000Z", "Z");
}

/** The health timestamp, formatted once per second rather than once per request. */
function createTimestampClock(): (now: number) => string {
  let second = -1;
  let text = "";
  return function currentTimestamp(now: number): string {
    const thisSecond = Math.floor(now / 1000);
    if (thisSecond !== second) {
      second = thisSecond;
      text = healthTimestamp(now);
    }
    return text;
  };
}

const HealthSchema = Type.Object({
  status: Type.Literal("ok"),
  timestamp: Type.String({ format: "date-time", examples: ["2024-01-15T10:30:00Z"] }),
});

/** `/v1/health` (needs a key) and the unauthenticated probes for load balancers. */
export function registerHealthRoutes(app: FastifyInstance, store: Pick<Store, "ping">): void {
  const timestamp = createTimestampClock();
  app.get(
    "/v1/health",
    {
      config: { auth: {} },
      schema: {
        tags: ["Health"],
        summary: "Check the API and your key",
        security: [{ bearerAuth: [] }],
        response: { 200: HealthSchema, ...RegistryErrorResponses },
      },
    },
    function health() {
      return { status: "ok" as const, timestamp: timestamp(Date.now()) };
    },
  );

  app.get(
    "/livez",
    { schema: { tags: ["Probes"], summary: "Liveness: the process answers", response: { 200: Type.Object({ status: Type.String() }) } } },
    function livez() {
      return { status: "ok" };
    },
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["Probes"],
        summary: "Readiness: storage is reachable",
        response: { 200: Type.Object({ status: Type.String() }), 503: Type.Object({ status: Type.String() }) },
      },
    },
    async function readyz(_request, reply) {
      try {
        await store.ping();
        return { status: "ready" };
      } catch {
        reply.code(503);
        return { status: "unavailable" };
      }
    },
  );
}
