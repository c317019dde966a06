import type { VerifiedKey } from "../auth/verified-key.js";
import type { Scope } from "../auth/scopes.js";
import type { Dialect } from "../errors/index.js";

/** Per-route settings read by the request path. */
export interface RouteAuth {
  /** The scope a key needs for this route; omit for any valid key. */
  scope?: Scope;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Present on routes that need an API key. */
    auth?: RouteAuth;
    /** The error dialect of the route's surface (default `registry`). */
    dialect?: Dialect;
  }
  interface FastifyRequest {
    /** The verified key of an authenticated request, else null. */
    apiKey: VerifiedKey | null;
    /** A known key that was refused (revoked or expired), kept for usage accounting. */
    refusedKey: VerifiedKey | null;
    /**
     * What the key may do on this request: its scopes intersected with its creator's
     * current role (set by the workspace-access guard); null when no guard computed it,
     * in which case the key's own scopes apply.
     */
    effectiveScopes: ReadonlySet<string> | null;
  }
}
