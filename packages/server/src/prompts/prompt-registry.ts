import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Store } from "../store/index.js";
import type { Database } from "../store/schema.js";
import { ContextItemStore } from "./context-item-store.js";
import { registerContextRoutes } from "./context-routes.js";
import { DOWNLOAD_SECRET_NAME, PromptContextService } from "./context-service.js";
import { generateDownloadSecret } from "./download-signature.js";
import { registerPromptRoutes } from "./prompt-routes.js";
import { PromptService } from "./prompt-service.js";
import { PromptStore } from "./prompt-store.js";
import { loadOrCreateServerSecret } from "./server-secrets.js";

/** The registry's services: what the HTTP routes, the CLI and the dashboard call. */
export interface PromptRegistry {
  prompts: PromptService;
  context: PromptContextService;
}

/**
 * Builds the registry over the shared database.
 *
 * @example const registry = createPromptRegistry(keyward.db, keyward.store);
 */
export function createPromptRegistry(
  db: Kysely<Database>,
  store: Pick<Store, "findWorkspaceById" | "findWorkspaceBySlug">,
  now: () => number = Date.now,
): PromptRegistry {
  const promptStore = new PromptStore(db);
  const items = new ContextItemStore(db);
  const loadSigningKey = () => loadOrCreateServerSecret(db, DOWNLOAD_SECRET_NAME, generateDownloadSecret, now());
  return {
    prompts: new PromptService(promptStore, items, store, now),
    context: new PromptContextService(promptStore, items, loadSigningKey, now),
  };
}

/** Registers every `/v1/prompts` route. */
export function registerPromptRegistry(app: FastifyInstance, registry: PromptRegistry, options: { publicUrl?: string | undefined } = {}): void {
  registerPromptRoutes(app, registry.prompts);
  registerContextRoutes(app, registry.context, options);
}
