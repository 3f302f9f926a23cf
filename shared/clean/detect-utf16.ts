/**
 * UTF-16 without a byte order mark: text in Latin scripts has a zero byte in every other position (the high
 * byte of each code unit), on the odd positions for little-endian and the even ones for big-endian. Binary
 * files have zeros scattered on both.
 */
const SAMPLE_BYTES = 4096;
/** At least this share of the high bytes must be zero... */
const MIN_ZERO_HIGH_BYTES = 0.4;
/** ...and at most this share of the low bytes. */
const MAX_ZERO_LOW_BYTES = 0.02;

export function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  if (pairs === 0) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (bytes[2 * pair] === 0) zeroEven += 1;
    if (bytes[2 * pair + 1] === 0) zeroOdd += 1;
  }
  const looksLike = (high: number, low: number) =>
    high / pairs >= MIN_ZERO_HIGH_BYTES && low / pairs <= MAX_ZERO_LOW_BYTES;
  if (looksLike(zeroOdd, zeroEven)) return 'utf-16le';
  if (looksLike(zeroEven, zeroOdd)) return 'utf-16be';
  return undefined;
}
