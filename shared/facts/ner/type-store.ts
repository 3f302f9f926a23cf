/**
 * What a scorer keeps per distinct token text ("type"), in flat typed arrays indexed by a type id given on
 * first sight: its own feature scores in running text and in a capitals line (`own[(2 id + caps) n ..]`),
 * the scores it gives the tokens two after, one after, one before and two before it (`given[(4 id + slot)
 * n ..]`), its word and shape atom ids, whether it is a common word, and the rows of its shape features
 * (`shapeRows[id * shapeTemplates + k]`). Beside them, a cache of one document's evidence per type: the
 * document number it was computed for (`seen`), its flags, and its range of aggregated-context rows.
 * Arrays double as types come, up to the caller's limit; ids are never reused within a store. A store that
 * replaces a full one takes over its arrays (see `createTypeStore`).
 */
export interface TypeStore {
  /** A number no other store of the process has. */
  readonly serial: number;
  count: number;
  readonly tagCount: number;
  readonly shapeTemplates: number;
  own: Float64Array;
  given: Float64Array;
  word: Int32Array;
  shape: Int32Array;
  common: Uint8Array;
  shapeRows: Int32Array;
  seen: Int32Array;
  flags: Uint8Array;
  aggregatedStart: Int32Array;
  aggregatedEnd: Int32Array;
}

const INITIAL_TYPES = 1024;

function arrays(tagCount: number, shapeTemplates: number, capacity: number) {
  return {
    own: new Float64Array(capacity * 2 * tagCount),
    given: new Float64Array(capacity * 4 * tagCount),
    word: new Int32Array(capacity),
    shape: new Int32Array(capacity),
    common: new Uint8Array(capacity),
    shapeRows: new Int32Array(capacity * shapeTemplates),
    seen: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
    aggregatedStart: new Int32Array(capacity),
    aggregatedEnd: new Int32Array(capacity),
  };
}

let stores = 0;

/**
 * An empty store. One that replaces `full` (which the caller then drops) takes over its arrays, already grown
 * to the size the scorer fills, rather than growing new ones from INITIAL_TYPES again: the scores and document
 * entries of its types are zeroed (their other fields are written before they are read).
 */
export function createTypeStore(tagCount: number, shapeTemplates: number, full?: TypeStore): TypeStore {
  stores += 1;
  const store = {
    serial: stores,
    count: 0,
    tagCount,
    shapeTemplates,
    ...(full === undefined ? arrays(tagCount, shapeTemplates, INITIAL_TYPES) : arraysOf(full)),
  };
  if (full !== undefined) {
    store.own.fill(0, 0, full.count * 2 * tagCount);
    store.given.fill(0, 0, full.count * 4 * tagCount);
    store.seen.fill(0, 0, full.count);
  }
  return store;
}

function arraysOf(store: TypeStore) {
  const { own, given, word, shape, common, shapeRows, seen, flags, aggregatedStart, aggregatedEnd } = store;
  return { own, given, word, shape, common, shapeRows, seen, flags, aggregatedStart, aggregatedEnd };
}

function doubled<T extends Float64Array | Int32Array | Uint8Array>(array: T): T {
  const copy = new (array.constructor as new (length: number) => T)(array.length * 2);
  copy.set(array);
  return copy;
}

/** A new type id, its scores zero and its document entry unseen; the arrays doubled when full. */
export function typeIdOf(store: TypeStore): number {
  const id = store.count;
  if (id === store.word.length) {
    store.own = doubled(store.own);
    store.given = doubled(store.given);
    store.word = doubled(store.word);
    store.shape = doubled(store.shape);
    store.common = doubled(store.common);
    store.shapeRows = doubled(store.shapeRows);
    store.seen = doubled(store.seen);
    store.flags = doubled(store.flags);
    store.aggregatedStart = doubled(store.aggregatedStart);
    store.aggregatedEnd = doubled(store.aggregatedEnd);
  }
  store.count = id + 1;
  return id;
}
