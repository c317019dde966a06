import { crc32 } from "node:zlib";
import { encodeBase62 } from "./base62.js";

/** Length of the checksum that ends every key. */
export const CHECKSUM_LENGTH = 6;

/**
 * CRC-32 (IEEE) of `body`, written in base62 and left-padded to six characters.
 * 62^6 ≈ 5.7e10 > 2^32, so every CRC value has exactly one six-character form.
 */
export function computeChecksum(body: string): string {
  return encodeBase62(crc32(body), CHECKSUM_LENGTH);
}
