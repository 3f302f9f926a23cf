/**
 * Ids in typed arrays (hash slots, atom ids, feature rows, gazetteer class ids), -1 for none. In memory they are
 * built as Int32Array; the model file (model-file.ts) stores each in the narrowest of these types that holds all
 * of its values, the type recorded per section, and the tagger reads them as the file holds them.
 */
export type IdArray = Int32Array | Int16Array | Uint8Array;

const INT16_MIN = -0x8000;
const INT16_MAX = 0x7fff;
const UINT8_MAX = 0xff;

/** The same ids in the narrowest type that holds every one: Uint8Array, else Int16Array, else Int32Array. */
export function narrowestIds(ids: IdArray): IdArray {
  let min = 0;
  let max = 0;
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  if (min >= 0 && max <= UINT8_MAX) return Uint8Array.from(ids);
  if (min >= INT16_MIN && max <= INT16_MAX) return Int16Array.from(ids);
  return Int32Array.from(ids);
}

export const isIdArray = (array: unknown): array is IdArray =>
  array instanceof Int32Array || array instanceof Int16Array || array instanceof Uint8Array;
