// The IEEE 802.3 polynomial, bit-reversed: the CRC-32 of zlib, PNG and Ethernet.
const POLYNOMIAL = 0xedb88320;

const TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let bit = 0; bit < 8; bit++) c = c & 1 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c >>> 0;
}

/**
 * CRC-32 (IEEE) of an ASCII string, as an unsigned 32-bit integer.
 * Written here rather than imported so the SDK runs anywhere `fetch` does (no `node:zlib`).
 * Callers pass ASCII only: each character code is taken as one byte.
 *
 * @example crc32Ascii("123456789") // 0xcbf43926
 */
export function crc32Ascii(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
