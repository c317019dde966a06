import type { FastifyReply, FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import type { VerifiedKey } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import type { Role } from "./roles.js";
import { WorkspaceAccessCache, type WorkspaceAccess } from "./workspace-access-cache.js";
import { workspaceAccessGuard } from "./workspace-access-guard.js";

const WS = "ws_guarded";

function key(scopes: string[], createdBy: string | null = "usr_ada"): VerifiedKey {
  return { id: "key_1", workspaceId: WS, environment: "live", name: "k", scopes: new Set(scopes), expiresAt: null, revokedAt: null, createdBy };
}

function setup(initial: WorkspaceAccess | null) {
  let state = initial;
  let reads = 0;
  const cache = new WorkspaceAccessCache(
    async () => {
      reads++;
      return state;
    },
    { maxEntries: 10, ttlMs: 60_000 },
  );
  const guard = workspaceAccessGuard(cache);
  const request = { effectiveScopes: null } as unknown as FastifyRequest;
  const check = (k: VerifiedKey, scope?: "keys:write" | "keys:read") =>
    guard.afterVerify!(request, {} as FastifyReply, k, scope === undefined ? {} : { scope });
  return {
    cache,
    request,
    check,
    reads: () => reads,
    set: (next: WorkspaceAccess | null) => {
      state = next;
    },
  };
}

const access = (roles: Record<string, Role>, status: WorkspaceAccess["status"] = "active"): WorkspaceAccess => ({
  status,
  roles: new Map(Object.entries(roles)),
});

describe("workspaceAccessGuard", () => {
  it("reads storage once, then answers synchronously from the cache", async () => {
    const t = setup(access({ usr_ada: "member" }));
    const first = t.check(key(["keys:write"]), "keys:write");
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBeNull();
    expect(t.check(key(["keys:write"]), "keys:write")).toBeNull();
    expect(t.reads()).toBe(1);
  });

  it("reads again after an invalidation, and sees the change", async () => {
    const t = setup(access({ usr_ada: "member" }));
    await t.check(key(["keys:write"]), "keys:write");
    t.set(access({ usr_ada: "viewer" }));
    expect(t.check(key(["keys:write"]), "keys:write")).toBeNull(); // still cached
    t.cache.invalidate(WS);
    const refusal = await t.check(key(["keys:write"]), "keys:write");
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe("forbidden");
  });

  it("does not cache what a read saw when an invalidation came while it was under way", async () => {
    const t = setup(access({ usr_ada: "member" }));
    const pending = t.check(key([]));
    t.cache.invalidate(WS);
    await pending;
    expect(t.check(key([]))).toBeInstanceOf(Promise);
  });

  it("stores the key's scopes narrowed to the creator's role on the request", async () => {
    const t = setup(access({ usr_ada: "viewer" }));
    await t.check(key(["keys:read", "keys:write", "monitor:run"]));
    expect([...(t.request.effectiveScopes ?? [])]).toEqual(["keys:read"]);
  });

  it("refuses a workspace that no longer exists", async () => {
    const t = setup(null);
    await expect(t.check(key([], null))).resolves.toMatchObject({ code: "forbidden" });
    expect(t.check(key([], null))).toMatchObject({ code: "forbidden" });
  });

  it("refuses an inactive subscription before looking at roles", async () => {
    const t = setup(access({}, "past_due"));
    await expect(t.check(key([], null))).resolves.toMatchObject({ code: "subscription_inactive" });
  });
});
