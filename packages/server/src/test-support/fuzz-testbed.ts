import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Dialect } from "../errors/index.js";
import { SCOPES, type Scope } from "../auth/index.js";
import { ROOMY_PLAN, writePlansFile } from "./plans-file.js";
import { startTestKeyward, type TestKeyward } from "./test-keyward.js";

/** Cases per fuzz target, in CI and locally alike. */
export const FUZZ_RUNS = 10_000;
/** Each fuzz test's own time limit: 10,000 in-process requests on a busy two-core machine. */
export const FUZZ_TIMEOUT_MS = 600_000;

/** A route as the OpenAPI document lists it. */
export interface FuzzRoute {
  method: string;
  /** OpenAPI path, `{id}` for parameters. */
  path: string;
  bodyFields: string[];
  queryFields: string[];
}

export interface FuzzTestbed {
  t: TestKeyward;
  /** A live key with every scope, on a plan with no practical limit. */
  secret: string;
  /** A key to be rotated, revoked or patched by fuzzed requests (never the one above). */
  sacrificialKeyId: string;
  workspaceSlug: string;
  routes: FuzzRoute[];
  close(): Promise<void>;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

function routesOf(document: { paths?: Record<string, Record<string, OpenApiOperation>> }): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith("/v1/")) continue;
    for (const [method, operation] of Object.entries(operations)) {
      const schema = operation.requestBody?.content?.["application/json"]?.schema;
      routes.push({
        method: method.toUpperCase(),
        path,
        bodyFields: Object.keys(schema?.properties ?? {}),
        queryFields: (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      });
    }
  }
  return routes;
}

/**
 * A Keyward for fuzzing: no IP limiter and a roomy plan, so every case reaches the code under
 * test instead of a 429, and the routes read from its own OpenAPI document so a route added
 * later is fuzzed without editing the tests.
 */
export async function startFuzzTestbed(): Promise<FuzzTestbed> {
  const plans = writePlansFile({ free: { ...ROOMY_PLAN, rateLimits: [], creditsPerCycle: 1_000_000_000 } });
  const t = await startTestKeyward({ KEYWARD_IP_RATE_LIMITS: "off", KEYWARD_PLANS_FILE: plans.file, LOG_LEVEL: "fatal" });
  const workspace = await t.createWorkspace("fuzz");
  const { secret } = await t.issueKey(workspace, { scopes: [...SCOPES] as Scope[] });
  const sacrificial = await t.issueKey(workspace);
  const document = (await t.keyward.app.inject({ url: "/openapi.json" })).json();
  return {
    t,
    secret,
    sacrificialKeyId: sacrificial.id,
    workspaceSlug: workspace.slug,
    routes: routesOf(document),
    async close() {
      await t.close();
      plans.remove();
    },
  };
}

/** The dialect a path answers in (the monitor surface has its own). */
export function dialectOfPath(path: string): Dialect {
  return path.startsWith("/v1/monitor") || path.startsWith("/v1/async") ? "monitor" : "registry";
}

/**
 * The properties every fuzzed response must have: no 5xx, and an error body in the
 * dialect of its surface that never echoes a key that was sent.
 */
export function expectSoundResponse(response: LightMyRequestResponse, dialect: Dialect, sentSecrets: readonly string[] = []): void {
  expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
  for (const secret of sentSecrets) {
    if (secret.length >= 20) expect(response.body.includes(secret), "response echoes a key").toBe(false);
  }
  if (response.statusCode < 400) return;
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const body = response.json() as Record<string, unknown>;
  if (dialect === "monitor") {
    expect(body.success).toBe(false);
    expect(typeof body.error).toBe("string");
    return;
  }
  const error = body.error as Record<string, unknown> | undefined;
  expect(typeof error?.code, response.body.slice(0, 300)).toBe("string");
  expect(typeof error?.message).toBe("string");
  if (response.statusCode === 401) expect(error?.code).toBe("unauthorized");
}
