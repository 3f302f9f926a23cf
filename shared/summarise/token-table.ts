/**
 * A table from tokens to values that finds a token by its characters where they stand in a text, without making
 * the token's string: the word model looks up every token of every sentence (articleWords), and slicing each
 * token out and hashing it into a Map cost more than everything else it does per token. Open addressing over
 * FNV-1a hashes of the UTF-16 code units; each entry keeps its hash, its characters (in one pool) and its value.
 * It holds at most `capacity` tokens; `clear` empties it. Its slots start at INITIAL_SLOTS and double as tokens come,
 * and so do its arrays by entry: a table sized for its capacity from the start (1 MB of slots for 100,000 tokens) sent
 * nearly every lookup to a slot out of the processor's caches, and filling it cost a cold start 256 page faults.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EMPTY = -1;
/**
 * Slots of a new table: 128 KB, small enough to stay in the processor's caches, and room for 16,384 tokens before
 * it first grows (a pass over its entries: at 4,096 slots, growing in bench:instructions' first pass cost it ~4 M
 * instructions per article).
 */
const INITIAL_SLOTS = 1 << 15;

/** The FNV-1a hash of `text.slice(start, end)`'s code units, as a 32-bit integer. */
export function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash;
}

export class TokenTable<T> {
  readonly #capacity: number;
  #mask: number;
  /** Each slot's entry, or EMPTY: at least twice as many slots as entries, doubled as entries come. */
  #slots: Int32Array;
  /** By entry, room for half as many entries as there are slots (grown with them): its hash and characters. */
  #hashes: Int32Array;
  /** Each entry's characters: `#pool[#starts[e]]` on, `#lengths[e]` of them. */
  #starts: Int32Array;
  #lengths: Int32Array;
  readonly #values: T[] = [];
  #pool = new Uint16Array(1 << 16);
  #poolLength = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#mask = INITIAL_SLOTS - 1;
    this.#slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
    this.#hashes = new Int32Array(INITIAL_SLOTS / 2);
    this.#starts = new Int32Array(INITIAL_SLOTS / 2);
    this.#lengths = new Int32Array(INITIAL_SLOTS / 2);
  }

  get size(): number {
    return this.#values.length;
  }

  clear(): void {
    this.#slots.fill(EMPTY);
    this.#values.length = 0;
    this.#poolLength = 0;
  }

  /** The value of the token `text.slice(start, end)` (whose hashOf is `hash`), or undefined. */
  get(text: string, start: number, end: number, hash: number): T | undefined {
    const entry = this.#slots[this.#find(text, start, end, hash)] as number;
    return entry === EMPTY ? undefined : this.#values[entry];
  }

  /** Sets the value of a token that is not in the table (get gave undefined); a full table stays as it is. */
  add(text: string, start: number, end: number, hash: number, value: T): void {
    const entry = this.#values.length;
    if (entry >= this.#capacity) return;
    if (2 * (entry + 1) > this.#slots.length) this.#growSlots();
    const length = end - start;
    this.#reserve(length);
    for (let index = 0; index < length; index++)
      this.#pool[this.#poolLength + index] = text.charCodeAt(start + index);
    this.#slots[this.#find(text, start, end, hash)] = entry;
    this.#hashes[entry] = hash;
    this.#starts[entry] = this.#poolLength;
    this.#lengths[entry] = length;
    this.#values.push(value);
    this.#poolLength += length;
  }

  /** The slot that holds the token, or the empty slot where it would go. */
  #find(text: string, start: number, end: number, hash: number): number {
    let slot = hash & this.#mask;
    for (;;) {
      const entry = this.#slots[slot] as number;
      if (entry === EMPTY || (this.#hashes[entry] === hash && this.#holds(entry, text, start, end)))
        return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  #holds(entry: number, text: string, start: number, end: number): boolean {
    const length = end - start;
    if (this.#lengths[entry] !== length) return false;
    const from = this.#starts[entry] as number;
    for (let index = 0; index < length; index++) {
      if (this.#pool[from + index] !== text.charCodeAt(start + index)) return false;
    }
    return true;
  }

  /** Twice the slots, every entry placed again by its hash; room for twice the entries. */
  #growSlots(): void {
    this.#slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    this.#hashes = grown(this.#hashes, this.#slots.length / 2);
    this.#starts = grown(this.#starts, this.#slots.length / 2);
    this.#lengths = grown(this.#lengths, this.#slots.length / 2);
    this.#mask = this.#slots.length - 1;
    for (let entry = 0; entry < this.#values.length; entry++) {
      let slot = (this.#hashes[entry] as number) & this.#mask;
      while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = entry;
    }
  }

  /** Room in the pool for `length` more characters. */
  #reserve(length: number): void {
    if (this.#poolLength + length <= this.#pool.length) return;
    let size = this.#pool.length;
    while (this.#poolLength + length > size) size *= 2;
    const pool = new Uint16Array(size);
    pool.set(this.#pool.subarray(0, this.#poolLength));
    this.#pool = pool;
  }
}

/** `array`'s values in a new array of `length`. */
function grown(array: Int32Array, length: number): Int32Array {
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}
