import Fastify, { LogController, type FastifyInstance } from "fastify";
import { installAuthentication, type KeyVerifier, type RequestGuard } from "../auth/index.js";
import type { KeywardConfig } from "../config/index.js";
import { registerConsole, type ConsoleDependencies } from "../console/index.js";
import { registerKeyRoutes, type KeyService } from "../management/index.js";
import { registerPromptRegistry, type PromptRegistry } from "../prompts/index.js";
import { registerMonitorRoutes, type MonitorService } from "../monitor/index.js";
import { registerTaskRoutes, type TaskService } from "../tasks/index.js";
import type { Store } from "../store/index.js";
import { installCreditHooks, registerCreditRoutes, type CreditService } from "../credits/index.js";
import { installLimitHooks, type ConcurrencyStore } from "../limits/index.js";
import { registerUsageRoutes, type UsageRecorder, type UsageService } from "../usage/index.js";
import { registerSecretScanning, type SecretScanningDependencies } from "../security/index.js";
import { installRequestCounting, registerMetricsRoute, type KeywardMetrics } from "../metrics/index.js";
import "./fastify-augment.js";
import { installErrorHandling } from "./error-handler.js";
import { registerHealthRoutes } from "./health-routes.js";
import { serializeRequest } from "./log-serializers.js";
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
  /** The dashboard (`/`) and its session-authenticated API (`/api/console`). */
  console?: ConsoleDependencies;
  /** The prompt registry (`/v1/prompts`); publicUrl is the base of its download links. */
  prompts?: { registry: PromptRegistry; publicUrl?: string | undefined };
  /** Concurrency slots and credits to settle at the end of requests; `/v1/credits` and `/v1/usage`. */
  limits?: { concurrency: ConcurrencyStore; credits: CreditService; usage: UsageService };
  /** `POST /v1/secret-scanning/report`, when signing keys are configured. */
  secretScanning?: SecretScanningDependencies;
  /** The monitor (`/v1/monitor`): engines by configuration, sandbox for `sk_test_` keys. */
  monitor?: MonitorService;
  /** Background monitor requests (`/v1/async/…`). */
  tasks?: TaskService;
  /** `GET /metrics` and request counting; `token` protects the route when set. */
  metrics?: { metrics: KeywardMetrics; token?: string | undefined };
}

/** Builds the HTTP app from its parts, without listening. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      // Keys travel in this header; it must never reach a log line.
      redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization"], censor: "[redacted]" },
      serializers: { req: serializeRequest },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    // Per-request log lines cost throughput on the hot path; KEYWARD_LOG_REQUESTS turns them on.
    logController: new LogController({ disableRequestLogging: !deps.config.logRequests }),
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
    trustProxy: false,
  });

  installErrorHandling(app);
  if (deps.metrics) installRequestCounting(app, deps.metrics.metrics);
  await registerOpenApi(app);
  installAuthentication(app, { verifier: deps.verifier, usage: deps.usage, guards: deps.guards ?? [] });
  // Set by the workspace-access guard: the key's scopes narrowed to its creator's role.
  app.decorateRequest("effectiveScopes", null);
  if (deps.limits) {
    // Before any route: they attach per-route hooks as routes are registered.
    installLimitHooks(app, deps.limits.concurrency, (error) => app.log.warn({ err: error }, "releasing a concurrency slot failed"));
    installCreditHooks(app, deps.limits.credits, deps.usage, (error) => app.log.error({ err: error }, "refunding credits failed"));
  }

  registerHealthRoutes(app, deps.store);
  if (deps.metrics) registerMetricsRoute(app, deps.metrics.metrics, { token: deps.metrics.token });
  registerKeyRoutes(app, deps.keys);
  if (deps.limits) {
    registerCreditRoutes(app, deps.limits.credits);
    registerUsageRoutes(app, deps.limits.usage);
  }
  if (deps.prompts) registerPromptRegistry(app, deps.prompts.registry, { publicUrl: deps.prompts.publicUrl });
  if (deps.monitor) registerMonitorRoutes(app, deps.monitor);
  if (deps.tasks) registerTaskRoutes(app, deps.tasks);
  if (deps.console) await registerConsole(app, deps.console);
  if (deps.secretScanning) await registerSecretScanning(app, deps.secretScanning);
  registerOpenApiRoute(app);
  return app;
}
