import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../errors/index.js";

/** Where `npm run build` puts the dashboard, seen from this file in src/ or dist/. */
export const DEFAULT_DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../dashboard/dist");

// Paths that belong to the API: an unknown one is a JSON 404, never the dashboard's page.
const API_PREFIXES = ["/v1/", "/api/"];
const API_PATHS = new Set(["/v1", "/api", "/openapi.json", "/livez", "/readyz"]);

/** True for a path the single-page app may answer (its client-side routes). */
export function isClientRoute(urlPath: string): boolean {
  if (API_PATHS.has(urlPath) || API_PREFIXES.some((prefix) => urlPath.startsWith(prefix))) return false;
  // A missing file (`/assets/old.js`) is a 404, not the app: a page in place of a script confuses everyone.
  const last = urlPath.slice(urlPath.lastIndexOf("/") + 1);
  return !last.includes(".");
}

function notFound(request: FastifyRequest): ApiError {
  const urlPath = (request.url.split("?")[0] ?? "").slice(0, 200).replace(/sk_(live|test)_[0-9A-Za-z]*/g, "sk_$1_…");
  return new ApiError("not_found", { message: `Route not found: ${request.method} ${urlPath}` });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Keyward</title></head>
<body><main><h1>The Keyward dashboard is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm ci</code>, which builds everything) in the Keyward folder, then restart the server.</p>
<p>The API works without it: try <code>GET /v1/health</code> with a key, or see <a href="/openapi.json">/openapi.json</a>.</p>
</main></body></html>`;

/**
 * Serves the built dashboard at `/`: hashed assets cached for a year, `index.html` always
 * revalidated, and every client-side route (`/keys`, `/team`, …) answered with the app.
 * API paths never fall back to the app. Without a build, `/` says how to make one.
 */
export async function registerDashboardStatic(app: FastifyInstance, dashboardDir: string = DEFAULT_DASHBOARD_DIR): Promise<void> {
  const built = existsSync(path.join(dashboardDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: dashboardDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(reply, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  const sendApp = function sendDashboard(request: FastifyRequest, reply: FastifyReply) {
    const urlPath = request.url.split("?")[0] ?? "/";
    if (!isClientRoute(urlPath)) throw notFound(request);
    if (!built) return reply.code(503).type("text/html; charset=utf-8").send(NOT_BUILT_PAGE);
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  };
  app.get("/", { schema: { hide: true } }, sendApp);
  app.get("/*", { schema: { hide: true } }, sendApp);
}
