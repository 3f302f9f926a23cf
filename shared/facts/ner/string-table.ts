import type { IdArray } from './id-array.ts';

/**
 * A set of strings with ids, held in typed arrays so a model file stores it as it is used: loading it builds
 * no Map or Set. Strings are UTF-16 code units (`chars[starts[id] .. starts[id + 1]]`), found through an
 * open-addressing table of ids by an FNV-1a hash of their code units.
 */
export interface StringTable {
  readonly chars: Uint16Array;
  /** `count + 1` offsets into `chars`. */
  readonly starts: Int32Array;
  /** Ids by hash slot, -1 for an empty slot; a power of two long. */
  readonly slots: IdArray;
}

const EMPTY = -1;

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function equals(table: StringTable, id: number, text: string): boolean {
  const start = table.starts[id] as number;
  if ((table.starts[id + 1] as number) - start !== text.length) return false;
  for (let i = 0; i < text.length; i += 1) if (table.chars[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The id of `text` (its position in the list the table was built from), or -1. */
export function stringId(table: StringTable, text: string): number {
  const mask = table.slots.length - 1;
  for (let slot = hashOf(text) & mask; ; slot = (slot + 1) & mask) {
    const id = table.slots[slot] as number;
    if (id === EMPTY || equals(table, id, text)) return id;
  }
}

/** The number of strings. */
export const stringCount = (table: StringTable): number => table.starts.length - 1;

/** The string of an id. */
export function stringAt(table: StringTable, id: number): string {
  return String.fromCharCode(...table.chars.subarray(table.starts[id], table.starts[id + 1]));
}

/** A table of distinct strings, ids in list order, the hash table at most half full. */
export function buildStringTable(strings: readonly string[]): StringTable {
  const starts = new Int32Array(strings.length + 1);
  strings.forEach((text, id) => {
    starts[id + 1] = (starts[id] as number) + text.length;
  });
  const chars = new Uint16Array(starts[strings.length] as number);
  strings.forEach((text, id) => {
    for (let i = 0; i < text.length; i += 1) chars[(starts[id] as number) + i] = text.charCodeAt(i);
  });
  let capacity = 16;
  while (capacity < strings.length * 2) capacity *= 2;
  const table = { chars, starts, slots: new Int32Array(capacity).fill(EMPTY) };
  strings.forEach((text, id) => {
    for (let slot = hashOf(text) & (capacity - 1); ; slot = (slot + 1) & (capacity - 1)) {
      const held = table.slots[slot] as number;
      if (held !== EMPTY && equals(table, held, text)) throw new Error(`duplicate string in table: ${text}`);
      if (held === EMPTY) {
        table.slots[slot] = id;
        break;
      }
    }
  });
  return table;
}

/** What the tagger asks of a word list. */
export interface StringSet {
  has(text: string): boolean;
}

/** A read-only set view of a table, as the gazetteer's word lists are used. */
export const stringSet = (table: StringTable): StringSet => ({
  has: (text) => stringId(table, text) !== EMPTY,
});
