import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import { registerAuditRoutes } from "./audit-routes.js";
import type { ConsoleOptions, ConsoleServices } from "./console-context.js";
import { installConsoleAuth } from "./console-auth-hook.js";
import { registerConsoleKeyRoutes } from "./console-key-routes.js";
import { registerConsolePromptRoutes } from "./console-prompt-routes.js";
import { registerDashboardStatic } from "./dashboard-static.js";
import { registerInvitationRoutes } from "./invitation-routes.js";
import { DASHBOARD_SECURITY_HEADERS } from "./security-headers.js";
import { registerSessionRoutes } from "./session-routes.js";
import { announceSetupLink } from "./setup-link.js";
import { registerSetupRoutes } from "./setup-routes.js";
import { registerTeamRoutes } from "./team-routes.js";
import { registerUsageRoutes } from "./usage-routes.js";
import { workspaceAccessResolver } from "./workspace-access.js";
import { registerWorkspaceRoutes } from "./workspace-routes.js";

/** Where a person on this machine reaches the server: `http://localhost:8787` for a wildcard address. */
function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === "string") return "http://localhost:8787";
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const host = wildcard ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export type ConsoleDependencies = ConsoleServices & ConsoleOptions;

/**
 * The dashboard: its built files at `/` and its session-authenticated JSON API under
 * `/api/console`. Everything is registered in its own encapsulated context, so the
 * cookie parser, the security headers and the session check never run on `/v1` — the
 * API-key request path stays exactly as fast as before.
 *
 * @example
 * await registerConsole(app, { ...services, publicUrl: config.publicUrl });
 */
export async function registerConsole(app: FastifyInstance, deps: ConsoleDependencies): Promise<void> {
  const ctx = { ...deps, access: workspaceAccessResolver(deps.store, deps.members) };

  app.addHook("onListen", async function announceFirstRun() {
    await announceSetupLink({ setupTokens: deps.setupTokens, countUsers: () => deps.users.count(), log: app.log }, deps.publicUrl ?? listeningUrl(app));
  });
  // Expired sessions and old throttle windows are refused anyway; this only keeps the tables small.
  const pruneTimer = setInterval(() => {
    void deps.sessions.pruneExpired().catch(() => {});
    void deps.throttle.pruneExpired().catch(() => {});
  }, 3_600_000);
  pruneTimer.unref();
  app.addHook("onClose", async function stopConsolePruning() {
    clearInterval(pruneTimer);
  });

  await app.register(async function dashboard(scope) {
    await scope.register(fastifyHelmet, DASHBOARD_SECURITY_HEADERS);
    await registerDashboardStatic(scope, deps.dashboardDir);

    await scope.register(
      async function consoleApi(api) {
        await api.register(fastifyCookie);
        // JSON only: a cross-site <form> can send text/plain or form bodies, never JSON.
        api.removeAllContentTypeParsers();
        api.addContentTypeParser("application/json", { parseAs: "string" }, api.getDefaultJsonParser("error", "error"));
        installConsoleAuth(api, { sessions: deps.sessions, findUser: (id) => deps.users.findById(id), publicUrl: deps.publicUrl });
        registerSessionRoutes(api, ctx);
        registerSetupRoutes(api, ctx);
        registerInvitationRoutes(api, ctx);
        registerWorkspaceRoutes(api, ctx);
        registerConsoleKeyRoutes(api, ctx);
        registerConsolePromptRoutes(api, ctx);
        registerTeamRoutes(api, ctx);
        registerUsageRoutes(api, ctx);
        registerAuditRoutes(api, ctx);
      },
      { prefix: "/api/console" },
    );
  });
}
