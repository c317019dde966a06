export { CLI_ACTOR, SYSTEM_ACTOR, keyActor, userActor, type Actor, type ActorType } from "./actor.js";
export { AUDIT_ACTIONS, isAuditAction, type AuditAction, type AuditTargetType } from "./audit-actions.js";
export {
  AuditLog,
  MAX_AUDIT_PAGE,
  presentAuditEntry,
  type AuditEntry,
  type AuditExecutor,
  type AuditListOptions,
  type AuditPage,
  type AuditRecorder,
  type AuditRecordInput,
  type AuditTarget,
  type PresentedAuditEntry,
} from "./audit-log.js";
export { assertNoSecrets } from "./metadata-guard.js";
export { keyCreatedEntry, keyRevokedEntry, keyRotatedEntry, keyUpdatedEntry, type KeyAuditEntry } from "./key-entries.js";
