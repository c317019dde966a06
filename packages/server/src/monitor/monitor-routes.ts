import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import "../credits/route-cost.js";
import { ApiError } from "../errors/index.js";
import "../http/fastify-augment.js";
import { engineFromPath, type Engine } from "./engines.js";
import { normalizeMonitorInput, type MonitorInput } from "./monitor-input.js";
import type { MonitorResult, MonitorService } from "./monitor-service.js";
import { EngineMonitorBody, EngineParams, MonitorBody, MonitorErrorResponses, MonitorResponseSchema } from "./monitor-schemas.js";

const tags = ["Monitor"];
const security = [{ bearerAuth: [] }];

/** Runs a request (sandboxed for `sk_test_` keys) once its input is checked. */
async function runMonitor(monitor: MonitorService, request: FastifyRequest, engine: Engine, input: MonitorInput): Promise<{ success: true; result: MonitorResult }> {
  const key = request.apiKey;
  if (key === null) throw new ApiError("unauthorized");
  const checked = normalizeMonitorInput(input);
  try {
    const result = await monitor.run({ engine, ...checked }, { sandbox: key.environment === "test" });
    return { success: true, result };
  } catch (error) {
    // The message is built to be safe (no key, no upstream body); it helps operators.
    if (error instanceof ApiError && error.status >= 500) request.log.warn({ engine, status: error.status }, error.message);
    throw error;
  }
}

/**
 * `POST /v1/monitor` (engine in `model`) and `POST /v1/monitor/:engine`: ask an engine, get its
 * answer, sources and brand mentions, in the monitor dialect. A success with a live key
 * costs `monitor.settings.cost` credits (the credit guard charges, a failure is given back).
 *
 * @example registerMonitorRoutes(app, new MonitorService(readMonitorSettings(process.env)));
 */
export function registerMonitorRoutes(root: FastifyInstance, monitor: MonitorService): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const config = { auth: { scope: "monitor:run" as const }, dialect: "monitor" as const, cost: monitor.settings.cost };

  app.post(
    "/v1/monitor",
    {
      config,
      schema: {
        tags,
        security,
        summary: "Ask an AI engine; get its answer, its sources and the brands it mentions",
        body: MonitorBody,
        response: { 200: MonitorResponseSchema, ...MonitorErrorResponses },
      },
    },
    async function runMonitorRequest(request) {
      return runMonitor(monitor, request, request.body.model as Engine, request.body);
    },
  );

  app.post(
    "/v1/monitor/:engine",
    {
      config,
      schema: {
        tags,
        security,
        summary: "Ask one AI engine (lower-case name in the path, e.g. /v1/monitor/chatgpt)",
        params: EngineParams,
        body: EngineMonitorBody,
        response: { 200: MonitorResponseSchema, ...MonitorErrorResponses },
      },
    },
    async function runEngineMonitorRequest(request) {
      const engine = engineFromPath(request.params.engine);
      if (engine === null) throw new ApiError("not_found", { message: "Unknown engine" });
      return runMonitor(monitor, request, engine, request.body);
    },
  );
}
