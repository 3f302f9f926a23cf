import { atomOf, type FeatureIndex, featureRow, NONE, pairRow, templateOf } from './feature-index.ts';
import {
  EDGES,
  type FeaturePairs,
  type NeighbourFeatures,
  type SentenceContext,
  type TokenInfo,
} from './features.ts';
import { HISTORY_TEMPLATE, historyType, type PredictionHistory } from './history.ts';
import type { SparseWeights } from './sparse-weights.ts';
import type { StringSet } from './string-table.ts';
import { createTypeStore, type TypeStore, typeIdOf } from './type-store.ts';

/**
 * Emission scores by integer feature ids. They are the sums the feature names of features.ts give
 * (`featureNames`), added in a fixed order (below), so the tagger's output does not depend on which path
 * scored it; but no feature name or list is built per token: what depends only on a token's text (its own
 * features, what it gives its neighbours, its word and shape ids, the rows of its shape features) is
 * computed once per distinct text into flat arrays (type-store.ts), from its feature rows, looked up by name
 * once and listed (`RowLists`) so that a text met again after a full store was replaced is scored without
 * hashing a string; what depends on the document (document evidence) once per distinct text of the document, and only the window features are looked up per token,
 * by the ids of its neighbours' words and shapes.
 */
export interface Scorer {
  readonly tagCount: number;
  readonly weights: SparseWeights;
  readonly index: FeatureIndex;
  readonly common: StringSet;
  readonly ids: TemplateIds;
  /** Atom ids of the words and gazetteer marks met as context, memoised (V8 caches a string's hash). */
  readonly words: Map<string, number>;
  /** The scores of the token texts met so far (and of the sentence's edges): replaced when full. */
  store: TypeStore;
  /** Token texts a store holds at most (TYPE_LIMIT but in tests). */
  readonly typeLimit: number;
  /** Entries the row lists hold before they start again (ROW_LIST_LIMIT but in tests). */
  readonly rowListLimit: number;
  /** The document whose evidence the store's document cache holds (`NO_DOCUMENT` for none), and its number. */
  document: SentenceContext['evidence'];
  serial: number;
  /** Rows of the document's aggregated-context features (a-1, a+1) of each text, ranges in the store. */
  aggregated: Int32Array;
  aggregatedLength: number;
  /** Scratch: the type ids of a sentence's tokens, two edge ids either side; the sentence's emissions. */
  tokenTypes: Int32Array;
  emissions: Float64Array;
  /** Scratch: the rows of the current token's features, in the order their weights are added. */
  rows: Int32Array;
  rowCount: number;
  /** The feature rows of the token texts met so far, listed once (see `listRows`): replaced when full. */
  rowLists: RowLists;
}

/**
 * What a token text's features are by row, so that a text met again after its store was replaced is scored
 * by adding rows instead of looking its features up by name: per text, at `at`, its word and shape atom ids,
 * whether it is a common word, the rows of its shape features (SHAPE_TEMPLATES order), then five lists, each
 * its length and its rows in the order `addPairs` adds them: its own features in running text and in a
 * capitals line, and what it gives its neighbours by slot.
 */
interface RowLists {
  /** A number no other row list of the process has. */
  readonly serial: number;
  rows: Int32Array;
  length: number;
}

const WORD_MEMO_LIMIT = 100_000;
/** Entries of a scorer's row lists (4 bytes each, ~40 per token text) before they start again. */
export const ROW_LIST_LIMIT = 1 << 21;
const INITIAL_ROW_LIST = 1 << 14;
/** Where the parts of a token text's row list begin (see RowLists). */
const LIST_WORD = 0;
const LIST_SHAPE = 1;
const LIST_COMMON = 2;
const LIST_SHAPE_ROWS = 3;
/** Distinct token texts whose scores are kept (~0.8 KB each with 17 tags) before the store starts again. */
export const TYPE_LIMIT = 16_384;
const BEFORE_EDGE = 0;
const AFTER_EDGE = 1;
/** Per-document flags of a token type in the store's document cache. */
const CAPITALISED_IN_DOCUMENT = 1;
const LOWERCASE_IN_DOCUMENT = 2;

const TEMPLATES = {
  wordBefore: 'w-1|0',
  wordAfter: 'w0|1',
  shapeBefore: 'sh-1|0',
  shapeAfter: 'sh0|1',
  wordBeforeShape: 'w-1|sh0',
  shapeWordAfter: 'sh0|w+1',
  firstShape: 'fs|sh',
  capsShape: 'cl|sh',
  capitalisedShape: 'dc|sh',
  lowercaseShape: 'dl|sh',
  commonShape: 'lc|sh',
  commonBeforeShape: 'lc-1|sh0',
  commonAfterShape: 'lc+1|sh0',
  aggregatedBefore: 'a-1',
  aggregatedAfter: 'a+1',
  gazetteer3Before: 'g-3',
  gazetteer2Before: 'g-2',
  gazetteerBefore: 'g-1',
  gazetteerBeforeShape: 'g-1|sh0',
  gazetteer: 'g0',
  gazetteerShapeAfter: 'g0|sh+1',
  gazetteerAfter: 'g+1',
  gazetteer2After: 'g+2',
  history: HISTORY_TEMPLATE,
} as const;

type TemplateIds = { readonly [name in keyof typeof TEMPLATES]: number };

/** The one-part templates on a token's shape whose rows the store keeps per type, in `SHAPE_ROWS` order. */
const SHAPE_TEMPLATES = [
  'firstShape',
  'capsShape',
  'capitalisedShape',
  'lowercaseShape',
  'commonShape',
] as const;
const FIRST = 0;
const CAPS = 1;
const CAPITALISED = 2;
const LOWERCASE = 3;
const COMMON = 4;

let rowListSerial = 0;

/**
 * The document of a scorer whose store's document cache holds none: evidence of no document, shaped as a real
 * document's, so that the field holds one kind of object (from `undefined`, the first document generalised it,
 * and V8 threw away the code that read the scorer: bench:deopts, `code dependencies` in sentenceEmissions).
 */
const NO_DOCUMENT: SentenceContext['evidence'] = {
  capitalised: new Set<string>(),
  lowercase: new Set<string>(),
  before: new Map<string, ReadonlySet<string>>(),
  after: new Map<string, ReadonlySet<string>>(),
};

function newRowLists(): RowLists {
  rowListSerial += 1;
  return { serial: rowListSerial, rows: new Int32Array(INITIAL_ROW_LIST), length: 0 };
}

/** Appends a value to the scorer's row lists (which have room: see `listRows`). */
function appendToList(lists: RowLists, value: number): void {
  lists.rows = withRoom(lists.rows, lists.length);
  lists.rows[lists.length] = value;
  lists.length += 1;
}

/** Appends the rows of one-part features given as (template, value) pairs, after their count. */
function appendPairRows(scorer: Scorer, pairs: FeaturePairs): void {
  const { index, rowLists: lists } = scorer;
  const countAt = lists.length;
  appendToList(lists, 0);
  for (let k = 0; k < pairs.length; k += 2) {
    const template = templateOf(index, pairs[k] as string);
    const row = featureRow(index, template, atomOf(index, pairs[k + 1] as string), NONE);
    if (row >= 0) appendToList(lists, row);
  }
  lists.rows[countAt] = lists.length - countAt - 1;
}

/**
 * Lists a token text's feature rows (see RowLists) at the end of the scorer's row lists, which start again
 * when full, and returns where they begin.
 */
function listRows(
  scorer: Scorer,
  own: readonly [FeaturePairs, FeaturePairs],
  neighbour: NeighbourFeatures,
  word: string,
  shape: string,
): number {
  if (scorer.rowLists.length > scorer.rowListLimit) scorer.rowLists = newRowLists();
  const { index, ids } = scorer;
  const lists = scorer.rowLists;
  const at = lists.length;
  const shapeId = atomOf(index, shape);
  appendToList(lists, atomOf(index, word));
  appendToList(lists, shapeId);
  appendToList(lists, scorer.common.has(word) ? 1 : 0);
  for (const name of SHAPE_TEMPLATES) appendToList(lists, featureRow(index, ids[name], shapeId, NONE));
  appendPairRows(scorer, own[0]);
  appendPairRows(scorer, own[1]);
  for (const pairs of neighbour.slots) appendPairRows(scorer, pairs);
  return at;
}

/** Adds a list of `count` rows starting at `from` to the `tagCount` scores at `offset`; returns its end. */
function addListedRows(scorer: Scorer, from: number, scores: Float64Array, offset: number): number {
  const { starts, tags, values } = scorer.weights;
  const rows = scorer.rowLists.rows;
  const end = from + 1 + (rows[from] as number);
  for (let k = from + 1; k < end; k += 1) {
    const row = rows[k] as number;
    const last = starts[row + 1] as number;
    for (let at = starts[row] as number; at < last; at += 1) {
      const score = offset + (tags[at] as number);
      scores[score] = (scores[score] as number) + (values[at] as number);
    }
  }
  return end;
}

/**
 * Scores a token text into the store under id `id` from its row list at `at`: its own features in running
 * text and in a capitals line, what it gives its neighbours by slot, its word and shape ids and the rows of
 * its shape features.
 */
function scoreType(scorer: Scorer, store: TypeStore, id: number, at: number): void {
  const n = scorer.tagCount;
  const rows = scorer.rowLists.rows;
  store.word[id] = rows[at + LIST_WORD] as number;
  store.shape[id] = rows[at + LIST_SHAPE] as number;
  store.common[id] = rows[at + LIST_COMMON] as number;
  const shapeTemplates = SHAPE_TEMPLATES.length;
  for (let k = 0; k < shapeTemplates; k += 1) {
    store.shapeRows[id * shapeTemplates + k] = rows[at + LIST_SHAPE_ROWS + k] as number;
  }
  let from = at + LIST_SHAPE_ROWS + shapeTemplates;
  from = addListedRows(scorer, from, store.own, 2 * id * n);
  from = addListedRows(scorer, from, store.own, (2 * id + 1) * n);
  for (let slot = 0; slot < 4; slot += 1)
    from = addListedRows(scorer, from, store.given, (4 * id + slot) * n);
}

/** A fresh store holding the sentence's edges (ids 0 and 1), over the arrays of the `full` one it replaces. */
function newStore(scorer: Scorer, full?: TypeStore): TypeStore {
  const store = createTypeStore(scorer.tagCount, SHAPE_TEMPLATES.length, full);
  for (const [word, neighbour] of [
    [EDGES.before, EDGES.beforeNeighbour],
    [EDGES.after, EDGES.afterNeighbour],
  ] as const) {
    scoreType(scorer, store, typeIdOf(store), listRows(scorer, [[], []], neighbour, word, word));
  }
  scorer.document = NO_DOCUMENT;
  return store;
}

/** A scorer over a model's weights and feature index; `common` is its gazetteer's common words. */
export function createScorer(
  index: FeatureIndex,
  weights: SparseWeights,
  tagCount: number,
  common: StringSet,
  typeLimit = TYPE_LIMIT,
  rowListLimit = ROW_LIST_LIMIT,
): Scorer {
  const ids = Object.fromEntries(
    Object.entries(TEMPLATES).map(([name, template]) => [name, templateOf(index, template)]),
  ) as unknown as TemplateIds;
  const scorer = {
    tagCount,
    weights,
    index,
    common,
    ids,
    typeLimit,
    rowListLimit,
    words: new Map<string, number>(),
    document: NO_DOCUMENT,
    serial: 0,
    aggregated: new Int32Array(256),
    aggregatedLength: 0,
    tokenTypes: new Int32Array(0),
    emissions: new Float64Array(0),
    rows: new Int32Array(64),
    rowCount: 0,
    rowLists: newRowLists(),
  } as Omit<Scorer, 'store'> as Scorer;
  scorer.store = newStore(scorer);
  return scorer;
}

/**
 * A token text's place in a store (kept on its TokenInfo, for the last store that scored it) and in the row
 * lists, naming each by its number so that a full one that was replaced is not kept alive by the descriptions.
 */
interface TypeRef {
  readonly store: number;
  readonly id: number;
  readonly rowLists: number;
  readonly at: number;
}

/** The id of a token text in the current store, scored on first sight (from its row list if it has one). */
function typeOf(scorer: Scorer, info: TokenInfo): number {
  const known = info.scored as TypeRef;
  const { store } = scorer;
  if (known.store === store.serial) return known.id;
  const id = typeIdOf(store);
  const at =
    known.rowLists === scorer.rowLists.serial
      ? known.at
      : listRows(scorer, [info.own[0].pairs, info.own[1].pairs], info.neighbour, info.lower, info.shape);
  scoreType(scorer, store, id, at);
  info.scored = { store: store.serial, id, rowLists: scorer.rowLists.serial, at } satisfies TypeRef;
  return id;
}

/** The atom id of a context word or mark, memoised up to a limit (the vocabulary of news repeats). */
function wordAtom(scorer: Scorer, word: string): number {
  let id = scorer.words.get(word);
  if (id === undefined) {
    id = atomOf(scorer.index, word);
    if (scorer.words.size >= WORD_MEMO_LIMIT) scorer.words.clear();
    scorer.words.set(word, id);
  }
  return id;
}

/** `array` when it has room after its first `length` entries, else a copy of it twice as long. */
function withRoom(array: Int32Array, length: number): Int32Array {
  if (length < array.length) return array;
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Appends a row (if any) to the scorer's list of rows for the current token. */
function pushRow(scorer: Scorer, row: number): void {
  if (row < 0) return;
  scorer.rows = withRoom(scorer.rows, scorer.rowCount);
  scorer.rows[scorer.rowCount] = row;
  scorer.rowCount += 1;
}

/**
 * Appends the rows of a template over a token's gazetteer marks. The marks are read by index, not `for...of`:
 * a token's list is either the shared frozen empty one or its own, two kinds of array, and an iterator over
 * both is a call per mark rather than a load.
 */
function pushMarks(scorer: Scorer, marks: readonly string[] | undefined, template: number): void {
  if (marks === undefined) return;
  for (let k = 0; k < marks.length; k += 1)
    pushRow(scorer, featureRow(scorer.index, template, wordAtom(scorer, marks[k] as string), NONE));
}

/** Appends the rows of a template over context words to the scorer's aggregated rows. */
function appendWordRows(scorer: Scorer, words: ReadonlySet<string> | undefined, template: number): void {
  if (words === undefined) return;
  for (const word of words) {
    const row = featureRow(scorer.index, template, wordAtom(scorer, word), NONE);
    if (row < 0) continue;
    scorer.aggregated = withRoom(scorer.aggregated, scorer.aggregatedLength);
    scorer.aggregated[scorer.aggregatedLength] = row;
    scorer.aggregatedLength += 1;
  }
}

/** Makes the store's document cache the document's (whose evidence this is), clearing it on a new one. */
function enterDocument(scorer: Scorer, evidence: SentenceContext['evidence']): void {
  if (scorer.document === evidence) return;
  scorer.document = evidence;
  scorer.aggregatedLength = 0;
  scorer.serial += 1;
  if (scorer.serial > 0x3fffffff) {
    scorer.serial = 1;
    scorer.store.seen.fill(0);
  }
}

/** The document evidence of type `id` (flags, aggregated rows), computed on its first token in the document. */
function documentEntry(
  scorer: Scorer,
  store: TypeStore,
  id: number,
  lower: string,
  evidence: SentenceContext['evidence'],
): void {
  if (store.seen[id] === scorer.serial) return;
  store.seen[id] = scorer.serial;
  store.flags[id] =
    (evidence.capitalised.has(lower) ? CAPITALISED_IN_DOCUMENT : 0) |
    (evidence.lowercase.has(lower) ? LOWERCASE_IN_DOCUMENT : 0);
  store.aggregatedStart[id] = scorer.aggregatedLength;
  appendWordRows(scorer, evidence.before.get(lower), scorer.ids.aggregatedBefore);
  appendWordRows(scorer, evidence.after.get(lower), scorer.ids.aggregatedAfter);
  store.aggregatedEnd[id] = scorer.aggregatedLength;
}

/**
 * The type ids of a sentence's tokens into `scorer.tokenTypes[2 ..]`, with the edges two either side. A store
 * that might fill up during the sentence is replaced first, so it holds at most the larger of the limit and
 * the sentence's tokens and edges.
 */
function sentenceTypes(scorer: Scorer, tokens: readonly TokenInfo[]): TypeStore {
  const { length } = tokens;
  if (scorer.store.count + length > scorer.typeLimit) scorer.store = newStore(scorer, scorer.store);
  if (scorer.tokenTypes.length < length + 4) scorer.tokenTypes = new Int32Array(length + 4);
  const types = scorer.tokenTypes;
  for (let i = 0; i < length; i += 1) types[i + 2] = typeOf(scorer, tokens[i] as TokenInfo);
  types[0] = BEFORE_EDGE;
  types[1] = BEFORE_EDGE;
  types[length + 2] = AFTER_EDGE;
  types[length + 3] = AFTER_EDGE;
  return scorer.store;
}

/**
 * Emission scores of one sentence (`tagCount` per token; a scratch array the next sentence overwrites) and
 * the history keys of its tokens. Each token's scores are added in this order: its own features, what the
 * tokens two before, one before, one after and two after give it, the word and shape bigrams, its shape in
 * the sentence (first word, capitals line), the document evidence (written capitalised, in lower case,
 * common word, beside a common word, aggregated contexts), the gazetteer marks from three before to two
 * after, and the prediction history.
 */
export function sentenceEmissions(
  scorer: Scorer,
  context: SentenceContext,
  history: PredictionHistory,
): { emissions: Float64Array; historyKeys: (string | undefined)[] } {
  const { tagCount: n, index, ids } = scorer;
  const { starts, tags, values } = scorer.weights;
  const { tokens, marks, evidence } = context;
  const { length } = tokens;
  const store = sentenceTypes(scorer, tokens);
  enterDocument(scorer, evidence);
  if (scorer.emissions.length < length * n) scorer.emissions = new Float64Array(length * n);
  const { emissions, tokenTypes: types } = scorer;
  const { own, given, word: words, shape: shapes, common, shapeRows, flags } = store;
  const caps = context.caps ? 1 : 0;
  const historyKeys = new Array<string | undefined>(length);
  const shapeTemplates = SHAPE_TEMPLATES.length;
  // Plain loops rather than callbacks: this runs once per token of every document. The rows of a token's
  // features are listed first, then added row by row in list order (each tag's weights in that order).
  for (let i = 0; i < length; i += 1) {
    const info = tokens[i] as TokenInfo;
    const self = types[i + 2] as number;
    const before = types[i + 1] as number;
    const after = types[i + 3] as number;
    const word = words[self] as number;
    const shape = shapes[self] as number;
    const beforeWord = words[before] as number;
    const afterWord = words[after] as number;
    const beforeShape = shapes[before] as number;
    const afterShape = shapes[after] as number;
    scorer.rowCount = 0;
    pushRow(scorer, pairRow(index, ids.wordBefore, beforeWord, word));
    pushRow(scorer, pairRow(index, ids.wordAfter, word, afterWord));
    pushRow(scorer, pairRow(index, ids.shapeBefore, beforeShape, shape));
    pushRow(scorer, pairRow(index, ids.shapeAfter, shape, afterShape));
    pushRow(scorer, pairRow(index, ids.wordBeforeShape, beforeWord, shape));
    pushRow(scorer, pairRow(index, ids.shapeWordAfter, shape, afterWord));
    const { lower } = info;
    documentEntry(scorer, store, self, lower, evidence);
    const shapeRow = self * shapeTemplates;
    if (i === context.first) pushRow(scorer, shapeRows[shapeRow + FIRST] as number);
    if (caps === 1) pushRow(scorer, shapeRows[shapeRow + CAPS] as number);
    const flag = flags[self] as number;
    if (flag & CAPITALISED_IN_DOCUMENT) pushRow(scorer, shapeRows[shapeRow + CAPITALISED] as number);
    if (flag & LOWERCASE_IN_DOCUMENT) pushRow(scorer, shapeRows[shapeRow + LOWERCASE] as number);
    if (common[self] === 1) pushRow(scorer, shapeRows[shapeRow + COMMON] as number);
    if (common[before] === 1) pushRow(scorer, pairRow(index, ids.commonBeforeShape, beforeShape, shape));
    if (common[after] === 1) pushRow(scorer, pairRow(index, ids.commonAfterShape, afterShape, shape));
    const aggregatedEnd = store.aggregatedEnd[self] as number;
    for (let k = store.aggregatedStart[self] as number; k < aggregatedEnd; k += 1) {
      pushRow(scorer, scorer.aggregated[k] as number);
    }
    if (i >= 3) pushMarks(scorer, marks[i - 3], ids.gazetteer3Before);
    if (i >= 2) pushMarks(scorer, marks[i - 2], ids.gazetteer2Before);
    const marksBefore = i >= 1 ? marks[i - 1] : undefined;
    if (marksBefore !== undefined) {
      for (let k = 0; k < marksBefore.length; k += 1) {
        const id = wordAtom(scorer, marksBefore[k] as string);
        pushRow(scorer, featureRow(index, ids.gazetteerBefore, id, NONE));
        pushRow(scorer, pairRow(index, ids.gazetteerBeforeShape, id, shape));
      }
    }
    const marksHere = marks[i];
    if (marksHere !== undefined) {
      for (let k = 0; k < marksHere.length; k += 1) {
        const id = wordAtom(scorer, marksHere[k] as string);
        pushRow(scorer, featureRow(index, ids.gazetteer, id, NONE));
        pushRow(scorer, pairRow(index, ids.gazetteerShapeAfter, id, afterShape));
      }
    }
    if (i + 1 < length) pushMarks(scorer, marks[i + 1], ids.gazetteerAfter);
    if (i + 2 < length) pushMarks(scorer, marks[i + 2], ids.gazetteer2After);
    const key = info.capitalised ? lower : undefined;
    historyKeys[i] = key;
    if (ids.history !== NONE) {
      const type = historyType(history, key);
      if (type) pushRow(scorer, featureRow(index, ids.history, wordAtom(scorer, type), NONE));
    }
    const ownStart = (2 * self + caps) * n;
    const twoBeforeStart = 4 * (types[i] as number) * n;
    const beforeStart = (4 * before + 1) * n;
    const afterStart = (4 * after + 2) * n;
    const twoAfterStart = (4 * (types[i + 4] as number) + 3) * n;
    const { rows, rowCount } = scorer;
    const offset = i * n;
    for (let tag = 0; tag < n; tag += 1) {
      emissions[offset + tag] =
        (own[ownStart + tag] as number) +
        (given[twoBeforeStart + tag] as number) +
        (given[beforeStart + tag] as number) +
        (given[afterStart + tag] as number) +
        (given[twoAfterStart + tag] as number);
    }
    // Each tag's weights in row order, as a tag-by-tag sum over the rows would add them (zeros left out).
    for (let k = 0; k < rowCount; k += 1) {
      const row = rows[k] as number;
      const last = starts[row + 1] as number;
      for (let at = starts[row] as number; at < last; at += 1) {
        const score = offset + (tags[at] as number);
        emissions[score] = (emissions[score] as number) + (values[at] as number);
      }
    }
  }
  return { emissions, historyKeys };
}
