import { atomOf, featureRow, NONE, templateOf } from './feature-index.ts';
import type { FeaturePairs, NeighbourFeatures } from './features.ts';
import type { Scorer } from './scorer.ts';

/**
 * What a token text's features are by row, so that a text met again after its store was replaced is scored
 * by adding rows instead of looking its features up by name: per text, at `at`, its word and shape atom ids,
 * whether it is a common word, the rows of its shape features (SHAPE_TEMPLATES order), then five lists, each
 * its length and its rows in the order `addPairs` adds them: its own features in running text and in a
 * capitals line, and what it gives its neighbours by slot. A scorer's row lists hold those of every token text
 * it met, one after the other, and start again when full.
 */
export interface RowLists {
  /** A number no other row list of the process has. */
  readonly serial: number;
  rows: Int32Array;
  length: number;
}

/** Entries of a scorer's row lists (4 bytes each, ~40 per token text) before they start again. */
export const ROW_LIST_LIMIT = 1 << 21;
const INITIAL_ROW_LIST = 1 << 14;
/** Where the parts of a token text's row list begin (see RowLists). */
export const LIST_WORD = 0;
export const LIST_SHAPE = 1;
export const LIST_COMMON = 2;
export const LIST_SHAPE_ROWS = 3;

/** The one-part templates on a token's shape whose rows the store keeps per type, in `SHAPE_ROWS` order. */
export const SHAPE_TEMPLATES = [
  'firstShape',
  'capsShape',
  'capitalisedShape',
  'lowercaseShape',
  'commonShape',
] as const;
export const FIRST = 0;
export const CAPS = 1;
export const CAPITALISED = 2;
export const LOWERCASE = 3;
export const COMMON = 4;

let rowListSerial = 0;

export function newRowLists(): RowLists {
  rowListSerial += 1;
  return { serial: rowListSerial, rows: new Int32Array(INITIAL_ROW_LIST), length: 0 };
}

/** `array` when it has room after its first `length` entries, else a copy of it twice as long. */
export function withRoom(array: Int32Array, length: number): Int32Array {
  if (length < array.length) return array;
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
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
export function listRows(
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
export function addListedRows(scorer: Scorer, from: number, scores: Float64Array, offset: number): number {
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
