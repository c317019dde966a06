export {
  KeyService,
  MAX_GRACE_SECONDS,
  MAX_PAGE_SIZE,
  type CreateKeyInput,
  type IssuedKey,
  type KeyAuditOptions,
  type RotatedKey,
} from "./key-service.js";
export { presentKey, presentRotatedKey, keyStatus, type KeyStatus, type PresentedKey } from "./present-key.js";
export { validateKeyName } from "./key-names.js";
export { registerKeyRoutes } from "./key-routes.js";
