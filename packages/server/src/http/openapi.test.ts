import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestKeyward, type TestKeyward } from "../test-support/test-keyward.js";

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

describe("GET /openapi.json", () => {
  let kw: TestKeyward;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    kw = await startTestKeyward();
    const response = await kw.keyward.app.inject({ method: "GET", url: "/openapi.json" });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => {
    await kw.close();
  });

  it("is an OpenAPI 3.1 document served without a key", () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe("Keyward API");
  });

  it("documents /v1/health and every /v1/keys route", () => {
    expect(doc.paths["/v1/health"]?.get).toBeDefined();
    expect(Object.keys(doc.paths["/v1/keys"] ?? {})).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(doc.paths["/v1/keys/{id}"] ?? {})).toEqual(expect.arrayContaining(["get", "patch", "delete"]));
    expect(doc.paths["/v1/keys/{id}/rotate"]?.post).toBeDefined();
  });

  it("documents Bearer authentication and the 401 of protected routes", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const health = doc.paths["/v1/health"]!.get!;
    expect(health.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(health.responses)).toEqual(expect.arrayContaining(["200", "401"]));
  });

  it("documents the create body from the same schema that validates it", () => {
    const text = JSON.stringify(doc.paths["/v1/keys"]!.post!.requestBody);
    for (const field of ["name", "environment", "scopes", "expiresAt", "keys:write"]) expect(text).toContain(field);
  });

  it("leaves out the probes' internals and itself", () => {
    expect(doc.paths["/openapi.json"]).toBeUndefined();
  });
});
