import {
  CAPITALISED_IN_DOCUMENT,
  documentEntry,
  enterDocument,
  LOWERCASE_IN_DOCUMENT,
} from './document-rows.ts';
import { featureRow, NONE, pairRow } from './feature-index.ts';
import type { SentenceContext, TokenInfo } from './features.ts';
import { historyType, type PredictionHistory } from './history.ts';
import { CAPITALISED, CAPS, COMMON, FIRST, LOWERCASE, SHAPE_TEMPLATES, withRoom } from './row-lists.ts';
import { type Scorer, sentenceTypes, wordAtom } from './scorer.ts';

/**
 * Emission scores by integer feature ids. They are the sums the feature names of features.ts give
 * (`featureNames`), added in a fixed order (below), so the tagger's output does not depend on which path
 * scored it; but no feature name or list is built per token: what depends only on a token's text (its own
 * features, what it gives its neighbours, its word and shape ids, the rows of its shape features) is
 * computed once per distinct text into flat arrays (scorer.ts, type-store.ts), from its feature rows, looked up
 * by name once and listed (row-lists.ts) so that a text met again after a full store was replaced is scored
 * without hashing a string; what depends on the document (document evidence) once per distinct text of the
 * document (document-rows.ts); and only the window features are looked up per token, here, by the ids of its
 * neighbours' words and shapes.
 */

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
