/**
 * The hash slot of a key, as Redis Cluster computes it: CRC16 (XMODEM) of the key, or of
 * its hash tag, mod 16384. A hash tag is the text between the first `{` and the next `}`
 * when it is not empty: `{user:42}:cart` and `{user:42}:orders` share a slot.
 */

/** Redis Cluster has this many hash slots. */
export const SLOT_COUNT = 16384;

const table = buildCrc16Table();

function buildCrc16Table(): Uint16Array {
  const entries = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
    entries[byte] = crc & 0xffff;
  }
  return entries;
}

/** CRC16-CCITT (XMODEM) of `bytes`: `crc16('123456789')` is `0x31c3`. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (table[((crc >> 8) ^ byte) & 0xff] ?? 0)) & 0xffff;
  return crc;
}

/** The part of `key` that is hashed: its hash tag when it has a non-empty one, else the whole key. */
export function hashedPart(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  if (close === -1 || close === open + 1) return key;
  return key.slice(open + 1, close);
}

/** The slot (0–16383) that owns `key`. */
export function keySlot(key: string): number {
  return crc16(Buffer.from(hashedPart(key))) % SLOT_COUNT;
}
