import type { KeyEnvironment } from "../keys/index.js";
import type { KeyRecord } from "../store/index.js";

/** A key as the request path sees it: what it may do, and until when. */
export interface VerifiedKey {
  id: string;
  workspaceId: string;
  environment: KeyEnvironment;
  name: string;
  scopes: ReadonlySet<string>;
  expiresAt: number | null;
  revokedAt: number | null;
  createdBy: string | null;
}

export function toVerifiedKey(record: KeyRecord): VerifiedKey {
  return {
    id: record.id,
    workspaceId: record.workspaceId,
    environment: record.environment,
    name: record.name,
    scopes: new Set(record.scopes),
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
    createdBy: record.createdBy,
  };
}
