import type { HttpClient, RequestOptions } from "../http.js";
import { paginate } from "../paginate.js";

/** A permission a key can carry. */
export type Scope = "prompts:read" | "prompts:list" | "prompts:write" | "monitor:run" | "keys:read" | "keys:write" | "usage:read";

export type KeyEnvironment = "live" | "test";

/** An API key as the management API shows it: never its secret. */
export interface Key {
  id: string;
  name: string;
  workspaceId: string;
  environment: KeyEnvironment;
  scopes: Scope[];
  /** `sk_live_KWca…eqyC`: safe to display. */
  hint: string;
  status: "active" | "revoked" | "expired";
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  replacesKeyId: string | null;
  replacedByKeyId: string | null;
}

/** A new key with its secret. The secret is shown only in this response: store it now. */
export interface IssuedKey extends Key {
  key: string;
}

/** The replacement key from a rotation, with its secret, and when the old key stops working. */
export interface RotatedKey extends IssuedKey {
  /** The id of the key this one replaces. */
  replaces: string;
  oldKeyExpiresAt: string;
}

export interface CreateKeyParams {
  name: string;
  /** Defaults to the calling key's environment; a test key cannot create live keys. */
  environment?: KeyEnvironment;
  /** Defaults to `prompts:read`, `prompts:list`, `monitor:run`. A key can grant only scopes it has. */
  scopes?: Scope[];
  /** ISO 8601 date-time, or `null` for a key that never expires. */
  expiresAt?: string | null;
}

/** At least one field. */
export interface UpdateKeyParams {
  name?: string;
  scopes?: Scope[];
  expiresAt?: string | null;
}

export interface RotateKeyParams {
  /** How long the old key keeps working, in seconds (default 0: it ends now). */
  gracePeriodSeconds?: number;
}

export interface ListKeysParams {
  /** Page size, 1–100. The iterator still walks every page. */
  limit?: number;
  cursor?: string;
}

export interface KeyPage {
  keys: Key[];
  cursor: string | null;
  hasMore: boolean;
}

function keyPath(id: string): string {
  return `/v1/keys/${encodeURIComponent(id)}`;
}

/** Managing the keys of the calling key's workspace (`keys:read` / `keys:write`): `client.keys`. */
export class Keys {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /**
   * Creates a key. The response carries its secret, once.
   *
   * @example const { key } = await client.keys.create({ name: "CI", scopes: ["prompts:read"] });
   */
  create(params: CreateKeyParams, options?: RequestOptions): Promise<IssuedKey> {
    return this.#http.request<IssuedKey>({ method: "POST", path: "/v1/keys", body: params, options });
  }

  /**
   * Every key of the workspace, newest first, fetching pages as the loop needs them.
   *
   * @example for await (const key of client.keys.list()) console.log(key.hint, key.status);
   */
  list(params: ListKeysParams = {}, options?: RequestOptions): AsyncIterable<Key> {
    return paginate((cursor) => this.listPage({ limit: params.limit, cursor }, options), (page) => page.keys, params.cursor);
  }

  /** One page of keys, for paging by hand. */
  listPage(params: ListKeysParams = {}, options?: RequestOptions): Promise<KeyPage> {
    return this.#http.request<KeyPage>({ method: "GET", path: "/v1/keys", query: { limit: params.limit, cursor: params.cursor }, options });
  }

  /** @example const key = await client.keys.get("key_3kTMd0Cq1l8SzU9bV2xw7a"); */
  get(id: string, options?: RequestOptions): Promise<Key> {
    return this.#http.request<Key>({ method: "GET", path: keyPath(id), options });
  }

  /**
   * Renames a key, or changes its scopes or expiry.
   *
   * @example await client.keys.update(id, { name: "Production (old)" });
   */
  update(id: string, params: UpdateKeyParams, options?: RequestOptions): Promise<Key> {
    // Sets fields to given values: sending it twice leaves the same key, so it may be retried.
    return this.#http.request<Key>({ method: "PATCH", path: keyPath(id), body: params, idempotent: true, options });
  }

  /**
   * Issues a replacement key; the old one keeps working for the grace period.
   *
   * @example const { key: secret } = await client.keys.rotate(id, { gracePeriodSeconds: 3600 });
   */
  rotate(id: string, params: RotateKeyParams = {}, options?: RequestOptions): Promise<RotatedKey> {
    return this.#http.request<RotatedKey>({ method: "POST", path: `${keyPath(id)}/rotate`, body: params, options });
  }

  /**
   * Revokes a key at once.
   *
   * @example await client.keys.revoke(id);
   */
  revoke(id: string, options?: RequestOptions): Promise<Key> {
    return this.#http.request<Key>({ method: "DELETE", path: keyPath(id), options });
  }
}
