export { KeyVerifier, type VerifyOutcome, type VerifyFailureCode } from "./key-verifier.js";
export { VerificationCache, type VerificationCacheOptions } from "./verification-cache.js";
export { parseAuthorization, type ParsedAuthorization } from "./parse-authorization.js";
export { SCOPES, DEFAULT_SCOPES, isScope, findUnknownScopes, normalizeScopes, type Scope } from "./scopes.js";
export { toVerifiedKey, type VerifiedKey } from "./verified-key.js";
export { installAuthentication, type AuthenticationDependencies } from "./authenticate-hook.js";
export type { RequestGuard, GuardDecision } from "./request-guards.js";
