import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";

/** Registers the OpenAPI 3.1 generator; must run before any route is added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Keyward API",
        version: "1.0.0",
        description: "API keys, the prompt registry and the monitor. Authenticate with `Authorization: Bearer sk_live_…`.",
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: "http", scheme: "bearer", description: "A Keyward secret key (sk_live_… or sk_test_…)" },
        },
      },
    },
  });
}

/** Serves the document built from the route schemas. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get("/openapi.json", { schema: { hide: true } }, function openApiDocument() {
    return app.swagger();
  });
}
