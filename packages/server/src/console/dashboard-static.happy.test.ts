import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import fastifyHelmet from "@fastify/helmet";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installErrorHandling } from "../http/error-handler.js";
import { isClientRoute, registerDashboardStatic } from "./dashboard-static.js";
import { DASHBOARD_SECURITY_HEADERS } from "./security-headers.js";

let dir: string;
let app: FastifyInstance;

async function serve(dashboardDir: string): Promise<FastifyInstance> {
  const instance = Fastify();
  installErrorHandling(instance);
  await instance.register(async (scope) => {
    await scope.register(fastifyHelmet, DASHBOARD_SECURITY_HEADERS);
    await registerDashboardStatic(scope, dashboardDir);
  });
  instance.get("/livez", () => ({ status: "ok" }));
  return instance;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "keyward-dashboard-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Keyward</title><div id=root></div>");
  writeFileSync(path.join(dir, "assets", "index-abc123.js"), "console.log('app')");
  app = await serve(dir);
});
afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("serving the dashboard", () => {
  it("answers / with the app and its security headers", async () => {
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<div id=root>");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it.each(["/keys", "/prompts/welcome", "/setup?token=abc", "/invite?token=kwinv_x"])("answers the client route %s with the app", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<div id=root>");
  });

  it("serves hashed assets as immutable", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it.each(["/v1/nope", "/api/console/nope", "/api/nope", "/assets/missing.js"])("never answers %s with the app", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });

  it("leaves /livez to its own route", async () => {
    expect((await app.inject({ method: "GET", url: "/livez" })).json()).toEqual({ status: "ok" });
  });

  it("says how to build the dashboard when it is not built", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "keyward-no-dashboard-"));
    const bare = await serve(empty);
    const response = await bare.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain("npm run build");
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});

describe("isClientRoute", () => {
  it.each([
    ["/", true],
    ["/keys", true],
    ["/v1/health", false],
    ["/v1", false],
    ["/api/console/session", false],
    ["/openapi.json", false],
    ["/livez", false],
    ["/readyz", false],
    ["/favicon.ico", false],
  ])("%s → %s", (url, expected) => {
    expect(isClientRoute(url)).toBe(expected);
  });
});
