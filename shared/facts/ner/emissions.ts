import { atomOf, type FeatureIndex, featureRow, NONE, pairRow, templateOf } from './feature-index.ts';
import {
  EDGES,
  type FeaturePairs,
  type NeighbourFeatures,
  type SentenceContext,
  type TokenInfo,
} from './features.ts';
import { HISTORY_TEMPLATE, historyType, type PredictionHistory } from './history.ts';
import type { StringSet } from './string-table.ts';

/**
 * Emission scores by integer feature ids. They are the sums the feature names of features.ts give
 * (`featureNames`), added in the same order, so the tagger's output does not depend on which path scored
 * it; but no feature name or list is built per token: a token's own features and what it gives its
 * neighbours are scored once per distinct token text, and its window features are looked up by the ids of
 * its neighbours' words and shapes.
 */
export interface Scorer {
  readonly tagCount: number;
  readonly weights: Float32Array;
  readonly index: FeatureIndex;
  readonly common: StringSet;
  readonly ids: TemplateIds;
  readonly before: TokenScores;
  readonly after: TokenScores;
  /** Atom ids of the words and gazetteer marks met as context, memoised (V8 caches a string's hash). */
  readonly words: Map<string, number>;
}

/** What a model computed for a token text (kept on its TokenInfo, for the last model that scored it). */
interface TokenScores {
  readonly scorer: Scorer;
  readonly word: number;
  readonly shape: number;
  readonly common: boolean;
  /** Own feature scores in running text and in a capitals line. */
  readonly own: readonly [Float64Array, Float64Array];
  /** The scores it gives the token two after it, one after, one before and two before: `tagCount` a slot. */
  readonly neighbour: Float64Array;
}

const WORD_MEMO_LIMIT = 100_000;

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

/** Adds weight row `row` (if any) to the `tagCount` scores at `offset`. */
function addRow(scorer: Scorer, row: number, scores: Float64Array, offset: number): void {
  if (row < 0) return;
  const { tagCount: n, weights } = scorer;
  const base = row * n;
  for (let tag = 0; tag < n; tag += 1) {
    scores[offset + tag] = (scores[offset + tag] as number) + (weights[base + tag] as number);
  }
}

/** Adds one-part features given as (template, value) pairs. */
function addPairs(scorer: Scorer, pairs: FeaturePairs, scores: Float64Array, offset: number): void {
  const { index } = scorer;
  for (let k = 0; k < pairs.length; k += 2) {
    const template = templateOf(index, pairs[k] as string);
    addRow(scorer, featureRow(index, template, atomOf(index, pairs[k + 1] as string), NONE), scores, offset);
  }
}

function scoreToken(
  scorer: Scorer,
  own: readonly [FeaturePairs, FeaturePairs],
  neighbour: NeighbourFeatures,
  word: string,
  shape: string,
): TokenScores {
  const n = scorer.tagCount;
  const [plain, caps] = own.map((pairs) => {
    const scores = new Float64Array(n);
    addPairs(scorer, pairs, scores, 0);
    return scores;
  }) as [Float64Array, Float64Array];
  const given = new Float64Array(neighbour.slots.length * n);
  neighbour.slots.forEach((pairs, slot) => {
    addPairs(scorer, pairs, given, slot * n);
  });
  const { index } = scorer;
  return {
    scorer,
    word: atomOf(index, word),
    shape: atomOf(index, shape),
    common: scorer.common.has(word),
    own: [plain, caps],
    neighbour: given,
  };
}

/** A scorer over a model's weights and feature index; `common` is its gazetteer's common words. */
export function createScorer(
  index: FeatureIndex,
  weights: Float32Array,
  tagCount: number,
  common: StringSet,
): Scorer {
  const ids = Object.fromEntries(
    Object.entries(TEMPLATES).map(([name, template]) => [name, templateOf(index, template)]),
  ) as unknown as TemplateIds;
  const partial = { tagCount, weights, index, common, ids, words: new Map<string, number>() };
  const edge = (word: string, neighbour: NeighbourFeatures) =>
    scoreToken(partial as Scorer, [[], []], neighbour, word, word);
  const scorer = partial as { -readonly [key in keyof Scorer]?: Scorer[key] };
  scorer.before = edge(EDGES.before, EDGES.beforeNeighbour);
  scorer.after = edge(EDGES.after, EDGES.afterNeighbour);
  return scorer as Scorer;
}

function scoresOf(scorer: Scorer, info: TokenInfo): TokenScores {
  const known = info.scored as TokenScores | undefined;
  if (known?.scorer === scorer) return known;
  const scored = scoreToken(
    scorer,
    [info.own[0].pairs, info.own[1].pairs],
    info.neighbour,
    info.lower,
    info.shape,
  );
  info.scored = scored;
  return scored;
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

/** Adds the `n` scores a neighbour gives from `start` of its slots. */
function addSlot(
  emissions: Float64Array,
  offset: number,
  given: Float64Array,
  start: number,
  n: number,
): void {
  for (let tag = 0; tag < n; tag += 1) {
    emissions[offset + tag] = (emissions[offset + tag] as number) + (given[start + tag] as number);
  }
}

function addMarks(
  scorer: Scorer,
  marks: readonly string[] | undefined,
  template: number,
  scores: Float64Array,
  offset: number,
): void {
  if (marks === undefined) return;
  for (const mark of marks) {
    addRow(scorer, featureRow(scorer.index, template, wordAtom(scorer, mark), NONE), scores, offset);
  }
}

function addWords(
  scorer: Scorer,
  words: ReadonlySet<string> | undefined,
  template: number,
  scores: Float64Array,
  offset: number,
): void {
  if (words === undefined) return;
  for (const word of words) {
    addRow(scorer, featureRow(scorer.index, template, wordAtom(scorer, word), NONE), scores, offset);
  }
}

/** Emission scores of one sentence (`tagCount` per token) and the history keys of its tokens. */
export function sentenceEmissions(
  scorer: Scorer,
  context: SentenceContext,
  history: PredictionHistory,
): { emissions: Float64Array; historyKeys: (string | undefined)[] } {
  const { tagCount: n, index, ids } = scorer;
  const { tokens, marks, evidence } = context;
  const scored = tokens.map((info) => scoresOf(scorer, info));
  const { length } = tokens;
  const emissions = new Float64Array(length * n);
  const historyKeys = new Array<string | undefined>(tokens.length);
  // Plain loops rather than callbacks: this runs once per token of every document.
  for (let i = 0; i < length; i += 1) {
    const info = tokens[i] as TokenInfo;
    const self = scored[i] as TokenScores;
    // Bounds checked rather than read past the ends: V8 reads an array out of bounds on a slow path.
    const twoBefore = i >= 2 ? (scored[i - 2] as TokenScores) : scorer.before;
    const before = i >= 1 ? (scored[i - 1] as TokenScores) : scorer.before;
    const after = i + 1 < length ? (scored[i + 1] as TokenScores) : scorer.after;
    const twoAfter = i + 2 < length ? (scored[i + 2] as TokenScores) : scorer.after;
    const offset = i * n;
    emissions.set(self.own[context.caps ? 1 : 0], offset);
    addSlot(emissions, offset, twoBefore.neighbour, 0, n);
    addSlot(emissions, offset, before.neighbour, n, n);
    addSlot(emissions, offset, after.neighbour, 2 * n, n);
    addSlot(emissions, offset, twoAfter.neighbour, 3 * n, n);
    const { word, shape } = self;
    addRow(scorer, pairRow(index, ids.wordBefore, before.word, word), emissions, offset);
    addRow(scorer, pairRow(index, ids.wordAfter, word, after.word), emissions, offset);
    addRow(scorer, pairRow(index, ids.shapeBefore, before.shape, shape), emissions, offset);
    addRow(scorer, pairRow(index, ids.shapeAfter, shape, after.shape), emissions, offset);
    addRow(scorer, pairRow(index, ids.wordBeforeShape, before.word, shape), emissions, offset);
    addRow(scorer, pairRow(index, ids.shapeWordAfter, shape, after.word), emissions, offset);
    const { lower } = info;
    if (i === context.first)
      addRow(scorer, featureRow(index, ids.firstShape, shape, NONE), emissions, offset);
    if (context.caps) addRow(scorer, featureRow(index, ids.capsShape, shape, NONE), emissions, offset);
    if (evidence.capitalised.has(lower)) {
      addRow(scorer, featureRow(index, ids.capitalisedShape, shape, NONE), emissions, offset);
    }
    if (evidence.lowercase.has(lower)) {
      addRow(scorer, featureRow(index, ids.lowercaseShape, shape, NONE), emissions, offset);
    }
    if (self.common) addRow(scorer, featureRow(index, ids.commonShape, shape, NONE), emissions, offset);
    if (before.common)
      addRow(scorer, pairRow(index, ids.commonBeforeShape, before.shape, shape), emissions, offset);
    if (after.common)
      addRow(scorer, pairRow(index, ids.commonAfterShape, after.shape, shape), emissions, offset);
    addWords(scorer, evidence.before.get(lower), ids.aggregatedBefore, emissions, offset);
    addWords(scorer, evidence.after.get(lower), ids.aggregatedAfter, emissions, offset);
    if (i >= 3) addMarks(scorer, marks[i - 3], ids.gazetteer3Before, emissions, offset);
    if (i >= 2) addMarks(scorer, marks[i - 2], ids.gazetteer2Before, emissions, offset);
    for (const mark of i >= 1 ? (marks[i - 1] ?? []) : []) {
      const id = wordAtom(scorer, mark);
      addRow(scorer, featureRow(index, ids.gazetteerBefore, id, NONE), emissions, offset);
      addRow(scorer, pairRow(index, ids.gazetteerBeforeShape, id, shape), emissions, offset);
    }
    for (const mark of marks[i] ?? []) {
      const id = wordAtom(scorer, mark);
      addRow(scorer, featureRow(index, ids.gazetteer, id, NONE), emissions, offset);
      addRow(scorer, pairRow(index, ids.gazetteerShapeAfter, id, after.shape), emissions, offset);
    }
    if (i + 1 < length) addMarks(scorer, marks[i + 1], ids.gazetteerAfter, emissions, offset);
    if (i + 2 < length) addMarks(scorer, marks[i + 2], ids.gazetteer2After, emissions, offset);
    const key = info.capitalised ? lower : undefined;
    historyKeys[i] = key;
    if (ids.history !== NONE) {
      const type = historyType(history, key);
      if (type) addRow(scorer, featureRow(index, ids.history, atomOf(index, type), NONE), emissions, offset);
    }
  }
  return { emissions, historyKeys };
}
