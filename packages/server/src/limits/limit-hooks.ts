import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ConcurrencyStore } from "./concurrency-store.js";
import { appendRouteHook } from "../http/route-hooks.js";
import "./route-limits.js";

/**
 * Gives back the concurrency slot a request took (see `createRateLimitGuard`) when its
 * answer is sent, or when the client goes away first, whichever comes first: exactly once.
 * Only routes that need a key get the hooks. Call before any route is registered.
 *
 * @example installLimitHooks(app, concurrency); registerHealthRoutes(app, store);
 */
export function installLimitHooks(app: FastifyInstance, concurrency: ConcurrencyStore, onError: (error: unknown) => void = () => {}): void {
  app.decorateRequest("limitsSlot", null);

  function releaseSlot(request: FastifyRequest): void {
    const workspaceId = request.limitsSlot;
    if (workspaceId === null) return;
    request.limitsSlot = null;
    const released = concurrency.release(workspaceId);
    if (released instanceof Promise) released.catch(onError);
  }

  const onResponse = function releaseSlotOnResponse(request: FastifyRequest, _reply: unknown, done: () => void) {
    releaseSlot(request);
    done();
  };
  const onRequestAbort = function releaseSlotOnAbort(request: FastifyRequest, done: () => void) {
    releaseSlot(request);
    done();
  };

  app.addHook("onRoute", function addSlotRelease(route) {
    if (route.config?.auth === undefined) return;
    appendRouteHook(route, "onResponse", onResponse);
    appendRouteHook(route, "onRequestAbort", onRequestAbort);
  });
}
