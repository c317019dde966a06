import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { bearer, type TestKeyward } from "./test-keyward.js";

type Payload = InjectOptions["payload"];

/**
 * Calls `/v1/keys` through `app.inject` as the holder of `secret`.
 *
 * @example const api = keyApi(kw, admin.secret); const res = await api.create({ name: "CI" });
 */
export function keyApi(kw: TestKeyward, secret: string) {
  const send = (method: InjectOptions["method"], url: string, payload?: Payload): Promise<LightMyRequestResponse> =>
    kw.keyward.app.inject({ method, url, headers: bearer(secret), ...(payload === undefined ? {} : { payload }) });
  return {
    send,
    create: (body: Payload) => send("POST", "/v1/keys", body),
    list: (query = "") => send("GET", `/v1/keys${query}`),
    get: (id: string) => send("GET", `/v1/keys/${id}`),
    patch: (id: string, body: Payload) => send("PATCH", `/v1/keys/${id}`, body),
    rotate: (id: string, body: Payload = {}) => send("POST", `/v1/keys/${id}/rotate`, body),
    revoke: (id: string) => send("DELETE", `/v1/keys/${id}`),
    health: () => send("GET", "/v1/health"),
  };
}

/** Every scope a key can have, for a key that manages others. */
export const ALL_SCOPES = ["prompts:read", "prompts:list", "prompts:write", "monitor:run", "keys:read", "keys:write", "usage:read"] as const;
