import Fastify, { LogController, type FastifyInstance } from "fastify";
import { installAuthentication, type KeyVerifier, type RequestGuard } from "../auth/index.js";
import type { KeywardConfig } from "../config/index.js";
import { registerKeyRoutes, type KeyService } from "../management/index.js";
import type { Store } from "../store/index.js";
import type { UsageRecorder } from "../usage/index.js";
import "./fastify-augment.js";
import { installErrorHandling } from "./error-handler.js";
import { registerHealthRoutes } from "./health-routes.js";
import { registerOpenApi, registerOpenApiRoute } from "./openapi.js";

export interface AppDependencies {
  config: Pick<KeywardConfig, "logLevel" | "logRequests">;
  store: Store;
  verifier: KeyVerifier;
  usage: UsageRecorder;
  keys: KeyService;
  /** Feature steps on the request path (membership, subscription, limits, credits). */
  guards?: RequestGuard[];
  /** Where logs go; defaults to stdout. Tests pass a stream to inspect them. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP app from its parts, without listening. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      // Keys travel in this header; it must never reach a log line.
      redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization"], censor: "[redacted]" },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    // Per-request log lines cost throughput on the hot path; KEYWARD_LOG_REQUESTS turns them on.
    logController: new LogController({ disableRequestLogging: !deps.config.logRequests }),
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
    trustProxy: false,
  });

  installErrorHandling(app);
  await registerOpenApi(app);
  installAuthentication(app, { verifier: deps.verifier, usage: deps.usage, guards: deps.guards ?? [] });

  registerHealthRoutes(app, deps.store);
  registerKeyRoutes(app, deps.keys);
  registerOpenApiRoute(app);
  return app;
}
