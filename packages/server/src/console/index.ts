export { registerConsole, type ConsoleDependencies } from "./register-console.js";
export { createConsoleState, type ConsoleState } from "./console-state.js";
export type { ConsoleOptions, ConsoleServices } from "./console-context.js";
export { SessionService, SESSION_IDLE_MS, SESSION_MAX_MS, type ConsoleSession } from "./session-service.js";
export { SetupTokens, SETUP_TOKEN_TTL_MS } from "./setup-tokens.js";
export { SignInThrottle, evaluateSignInThrottle, DEFAULT_THROTTLE_POLICY, type ThrottlePolicy, type ThrottleDecision } from "./sign-in-throttle.js";
export { permissionsOf, type ConsolePermissions } from "./console-permissions.js";
export { DEFAULT_DASHBOARD_DIR, isClientRoute } from "./dashboard-static.js";
export { SESSION_COOKIE } from "./session-cookie.js";
