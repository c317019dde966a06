import type { RouteOptions } from "fastify";

type RouteHookName = "onRequest" | "onSend" | "onResponse" | "onRequestAbort";

function hooksOf(route: RouteOptions, name: RouteHookName): unknown[] {
  const current = route[name] as unknown;
  return current === undefined ? [] : Array.isArray(current) ? current : [current];
}

/**
 * Adds a hook to one route as it is registered (from an `onRoute` hook), after the
 * route's own: features that only concern some routes cost the others nothing.
 */
export function appendRouteHook(route: RouteOptions, name: RouteHookName, hook: unknown): void {
  (route as unknown as Record<RouteHookName, unknown[]>)[name] = [...hooksOf(route, name), hook];
}

/** Like appendRouteHook, but runs before the route's own hooks (authentication comes first). */
export function prependRouteHook(route: RouteOptions, name: RouteHookName, hook: unknown): void {
  (route as unknown as Record<RouteHookName, unknown[]>)[name] = [hook, ...hooksOf(route, name)];
}
