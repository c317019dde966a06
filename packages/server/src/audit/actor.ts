/** Who did something: a signed-in user, an API key, the admin CLI, or Keyward itself. */
export type ActorType = "user" | "key" | "cli" | "system";

/**
 * The author of a change, carried from the edge (route, CLI, dashboard) into services so
 * they can check what it may do and write it into the audit log. `ip` is the client
 * address when the change came over HTTP.
 *
 * @example
 * keys.revoke(id, workspaceId, keyActor(request.apiKey.id, request.ip));
 * members.setRole(workspaceId, userId, "viewer", userActor(session.userId, request.ip));
 */
export interface Actor {
  type: ActorType;
  /** `usr_…` for a user, `key_…` for a key; null for the CLI and the system. */
  id: string | null;
  ip: string | null;
}

export function userActor(userId: string, ip: string | null = null): Actor {
  return { type: "user", id: userId, ip };
}

export function keyActor(keyId: string, ip: string | null = null): Actor {
  return { type: "key", id: keyId, ip };
}

/** The `keyward` command: whoever can run it on the server owns the installation. */
export const CLI_ACTOR: Actor = Object.freeze({ type: "cli", id: null, ip: null });

/** Keyward itself, e.g. a test fixture or a background job. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ type: "system", id: null, ip: null });
