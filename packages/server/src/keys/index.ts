export { generateRandomBase62, encodeBase62, isBase62, BASE62_ALPHABET } from "./base62.js";
export { computeChecksum, CHECKSUM_LENGTH } from "./checksum.js";
export {
  parseKeyEnvironment,
  isWellFormedKey,
  findKeysInText,
  KEY_ENVIRONMENTS,
  KEY_PREFIXES,
  KEY_LENGTH,
  RANDOM_PART_LENGTH,
  type KeyEnvironment,
} from "./format.js";
export { generateApiKey } from "./generate.js";
export { hashApiKey } from "./hash.js";
export { keyHint } from "./hint.js";
export { newId, type IdPrefix } from "./ids.js";
export { redactKeys } from "./redact.js";
