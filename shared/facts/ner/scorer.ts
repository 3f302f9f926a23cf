import { atomOf, type FeatureIndex, templateOf } from './feature-index.ts';
import { EDGES, type SentenceContext, type TokenInfo } from './features.ts';
import { HISTORY_TEMPLATE } from './history.ts';
import {
  addListedRows,
  LIST_COMMON,
  LIST_SHAPE,
  LIST_SHAPE_ROWS,
  LIST_WORD,
  listRows,
  newRowLists,
  ROW_LIST_LIMIT,
  type RowLists,
  SHAPE_TEMPLATES,
} from './row-lists.ts';
import type { SparseWeights } from './sparse-weights.ts';
import type { StringSet } from './string-table.ts';
import { createTypeStore, type TypeStore, typeIdOf } from './type-store.ts';

/**
 * What the tagger's emissions (emissions.ts) are computed with: the model's weights and feature index, the
 * template ids, the scores of the token texts met so far (a type store, type-store.ts, scored from each text's
 * row lists, row-lists.ts), the document whose evidence the store's document cache holds (document-rows.ts),
 * and scratch arrays reused from sentence to sentence.
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

const WORD_MEMO_LIMIT = 100_000;
/** Distinct token texts whose scores are kept (~0.8 KB each with 17 tags) before the store starts again. */
export const TYPE_LIMIT = 16_384;
const BEFORE_EDGE = 0;
const AFTER_EDGE = 1;

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

export type TemplateIds = { readonly [name in keyof typeof TEMPLATES]: number };

/**
 * The document of a scorer whose store's document cache holds none: evidence of no document, shaped as a real
 * document's, so that the field holds one kind of object (from `undefined`, the first document generalised it,
 * and V8 threw away the code that read the scorer: bench:deopts, `code dependencies` in sentenceEmissions).
 */
export const NO_DOCUMENT: SentenceContext['evidence'] = {
  capitalised: new Set<string>(),
  lowercase: new Set<string>(),
  before: new Map<string, ReadonlySet<string>>(),
  after: new Map<string, ReadonlySet<string>>(),
};

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
export function wordAtom(scorer: Scorer, word: string): number {
  let id = scorer.words.get(word);
  if (id === undefined) {
    id = atomOf(scorer.index, word);
    if (scorer.words.size >= WORD_MEMO_LIMIT) scorer.words.clear();
    scorer.words.set(word, id);
  }
  return id;
}

/**
 * The type ids of a sentence's tokens into `scorer.tokenTypes[2 ..]`, with the edges two either side. A store
 * that might fill up during the sentence is replaced first, so it holds at most the larger of the limit and
 * the sentence's tokens and edges.
 */
export function sentenceTypes(scorer: Scorer, tokens: readonly TokenInfo[]): TypeStore {
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
