import {
  keyCreatedEntry,
  keyRevokedEntry,
  keyRotatedEntry,
  keyUpdatedEntry,
  SYSTEM_ACTOR,
  type Actor,
  type AuditRecorder,
  type KeyAuditEntry,
} from "../audit/index.js";
import type { Scope } from "../auth/index.js";
import { ApiError } from "../errors/index.js";
import { generateApiKey, hashApiKey, keyHint, newId, type KeyEnvironment } from "../keys/index.js";
import type { KeyPatch, KeyRecord, Store } from "../store/index.js";
import { decodePositionCursor, encodePositionCursor } from "../pagination/position-cursor.js";
import { validateKeyName } from "./key-names.js";
import { keyStatus } from "./present-key.js";

export interface CreateKeyInput {
  workspaceId: string;
  name: string;
  environment: KeyEnvironment;
  scopes: Scope[];
  expiresAt: number | null;
  createdBy: string | null;
}

/** A key with its secret: exists only in the response to a create or a rotate. */
export interface IssuedKey {
  record: KeyRecord;
  secret: string;
}

export interface RotatedKey {
  issued: IssuedKey;
  old: KeyRecord;
}

/** Where key changes are recorded, and on whose behalf when a call names no actor. */
export interface KeyAuditOptions {
  audit?: AuditRecorder | undefined;
  /** The actor of calls without one: the CLI passes CLI_ACTOR; default SYSTEM_ACTOR. */
  defaultActor?: Actor | undefined;
}

export const MAX_GRACE_SECONDS = 30 * 86_400;
export const MAX_PAGE_SIZE = 100;

/**
 * Creating, listing, changing, revoking and rotating keys: the rules shared by the API,
 * the CLI and the dashboard. `onKeyChanged` drops a key from this process's cache at
 * once; other processes learn of it from the change feed. With an audit log, each
 * create, update, revoke and rotate writes one entry naming its `actor` (the key on API
 * routes, the CLI, a signed-in user with their IP in the dashboard).
 */
export class KeyService {
  constructor(
    private readonly store: Store,
    private readonly onKeyChanged: (keyHash: string) => void = () => {},
    private readonly now: () => number = Date.now,
    private readonly auditing: KeyAuditOptions = {},
  ) {}

  async create(input: CreateKeyInput, actor?: Actor): Promise<IssuedKey> {
    const name = validateKeyName(input.name);
    if (input.expiresAt !== null && input.expiresAt <= this.now()) {
      throw new ApiError("validation_error", {
        message: "expiresAt must be in the future",
        details: [{ field: "expiresAt", message: "must be in the future" }],
      });
    }
    const issued = this.issue({ ...input, name, replacesKeyId: null });
    await this.store.insertKey(issued.record);
    await this.recordAudit(keyCreatedEntry(issued.record), actor);
    return issued;
  }

  async list(workspaceId: string, options: { limit?: number | undefined; cursor?: string | undefined } = {}) {
    const limit = Math.min(Math.max(options.limit ?? 20, 1), MAX_PAGE_SIZE);
    const after = options.cursor ? decodePositionCursor(options.cursor) : undefined;
    const rows = await this.store.listKeys(workspaceId, { limit: limit + 1, after });
    const hasMore = rows.length > limit;
    const keys = hasMore ? rows.slice(0, limit) : rows;
    const last = keys.at(-1);
    return { keys, hasMore, cursor: hasMore && last ? encodePositionCursor(last) : null };
  }

  /** The key, or not_found; with a workspace, keys of other workspaces are not found either. */
  async get(id: string, workspaceId?: string): Promise<KeyRecord> {
    const key = await this.store.findKeyById(id);
    if (!key || (workspaceId !== undefined && key.workspaceId !== workspaceId)) {
      throw new ApiError("not_found", { message: `Key not found: ${id.slice(0, 64)}` });
    }
    return key;
  }

  async update(id: string, patch: KeyPatch, workspaceId?: string, actor?: Actor): Promise<KeyRecord> {
    const before = await this.get(id, workspaceId);
    const clean: KeyPatch = { ...patch };
    if (patch.name !== undefined) clean.name = validateKeyName(patch.name);
    const updated = await this.store.updateKey(id, clean);
    if (!updated) throw new ApiError("not_found", { message: `Key not found: ${id.slice(0, 64)}` });
    this.onKeyChanged(updated.keyHash);
    const entry = keyUpdatedEntry(before, updated);
    if (entry) await this.recordAudit(entry, actor);
    return updated;
  }

  async revoke(id: string, workspaceId?: string, actor?: Actor): Promise<KeyRecord> {
    const before = await this.get(id, workspaceId);
    const revoked = await this.store.revokeKey(id, this.now());
    if (!revoked) throw new ApiError("not_found", { message: `Key not found: ${id.slice(0, 64)}` });
    this.onKeyChanged(revoked.keyHash);
    // Revoking a revoked key changes nothing, so it is not an event either.
    if (before.revokedAt === null) await this.recordAudit(keyRevokedEntry(revoked), actor);
    return revoked;
  }

  /**
   * Issues a replacement with the same name, environment, scopes and lifetime, and ends
   * the old key after `graceSeconds` (0: at once). An expiring key never becomes a
   * non-expiring one: the replacement gets the same lifetime, counted from now.
   */
  async rotate(id: string, graceSeconds: number, workspaceId?: string, actor?: Actor): Promise<RotatedKey> {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
      throw new ApiError("validation_error", {
        message: `gracePeriodSeconds must be an integer from 0 to ${MAX_GRACE_SECONDS}`,
        details: [{ field: "gracePeriodSeconds", message: "is out of range" }],
      });
    }
    const old = await this.get(id, workspaceId);
    const now = this.now();
    const status = keyStatus(old, now);
    if (status !== "active") throw new ApiError("conflict", { message: `Key is ${status} and cannot be rotated` });
    if (old.replacedByKeyId !== null) {
      throw new ApiError("conflict", { message: `Key was already rotated; rotate its replacement ${old.replacedByKeyId}` });
    }
    const lifetime = old.expiresAt === null ? null : old.expiresAt - old.createdAt;
    const issued = this.issue({
      workspaceId: old.workspaceId,
      name: old.name,
      environment: old.environment,
      scopes: old.scopes as Scope[],
      expiresAt: lifetime === null ? null : now + lifetime,
      createdBy: old.createdBy,
      replacesKeyId: old.id,
    }, now);
    const ended = await this.store.rotateKey(old.id, issued.record, now + graceSeconds * 1000);
    if (!ended) throw new ApiError("not_found", { message: `Key not found: ${id.slice(0, 64)}` });
    if (ended.replacedByKeyId !== issued.record.id) {
      // Revoked or rotated by someone else since it was read above.
      const reason = ended.revokedAt !== null ? "is revoked and cannot be rotated" : `was already rotated; rotate its replacement ${ended.replacedByKeyId}`;
      throw new ApiError("conflict", { message: `Key ${reason}` });
    }
    this.onKeyChanged(ended.keyHash);
    await this.recordAudit(keyRotatedEntry(ended, issued.record, graceSeconds), actor);
    return { issued, old: ended };
  }

  private async recordAudit(entry: KeyAuditEntry, actor: Actor | undefined): Promise<void> {
    const log = this.auditing.audit;
    if (log === undefined) return;
    await log.record({ ...entry, actor: actor ?? this.auditing.defaultActor ?? SYSTEM_ACTOR });
  }

  private issue(input: CreateKeyInput & { replacesKeyId: string | null }, createdAt = this.now()): IssuedKey {
    const secret = generateApiKey(input.environment);
    const record: KeyRecord = {
      id: newId("key"),
      workspaceId: input.workspaceId,
      name: input.name,
      environment: input.environment,
      scopes: input.scopes,
      keyHash: hashApiKey(secret),
      hint: keyHint(secret),
      createdAt,
      createdBy: input.createdBy,
      lastUsedAt: null,
      expiresAt: input.expiresAt,
      revokedAt: null,
      replacesKeyId: input.replacesKeyId,
      replacedByKeyId: null,
    };
    return { record, secret };
  }
}
