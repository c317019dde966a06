import type { RouteOptions } from "fastify";

type HookName = "onSend" | "onResponse" | "onRequestAbort";

/**
 * Adds a hook to one route as it is registered (from an `onRoute` hook), after the
 * route's own: features that only concern some routes cost the others nothing.
 */
export function appendRouteHook(route: RouteOptions, name: HookName, hook: unknown): void {
  const current = route[name] as unknown;
  const list = current === undefined ? [] : Array.isArray(current) ? current : [current];
  (route as unknown as Record<HookName, unknown[]>)[name] = [...list, hook];
}
