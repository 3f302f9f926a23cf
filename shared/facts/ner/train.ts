import { documentFeatures, featureNames } from './features.ts';
import { buildGazetteer, type GazetteerLists } from './gazetteer.ts';
import {
  HISTORY_FEATURES,
  HISTORY_TEMPLATE,
  historyType,
  type PredictionHistory,
  recordHistory,
} from './history.ts';
import { MODEL_FORMAT, type ModelWeights } from './model.ts';
import { encodeTags, TAGS, type TypedSpan, tagConstraints } from './tags.ts';
import { type Sentence, tokenizeSentences } from './tokenize.ts';
import { viterbi } from './viterbi.ts';

/** A document with its gold entity spans (character offsets into `text`). */
export interface TrainingDocument {
  readonly text: string;
  readonly entities: readonly TypedSpan[];
}

export interface TrainingOptions {
  readonly epochs: number;
  /** Seeds the per-epoch shuffle of sentences: the same seed and data give the same weights. */
  readonly seed: number;
  readonly gazetteer: GazetteerLists;
  /** Features seen fewer times than this in training are not learned. Default 1. */
  readonly minCount?: number;
  /** Feature templates left out of the model (`w-1|sh0`, …): none by default. */
  readonly dropTemplates?: readonly string[];
  /**
   * Learn the prediction-history feature (documents shuffled, their sentences read in order). Default
   * false: sentences shuffled on their own, no history.
   */
  readonly history?: boolean;
  /** Called after each epoch with a function that computes the averaged weights so far. */
  readonly onEpoch?: (epoch: number, averaged: () => ModelWeights) => void;
}

interface PreparedSentence {
  /** Feature ids of token t are `features[offsets[t]..offsets[t + 1]]`. */
  readonly offsets: Int32Array;
  readonly features: Int32Array;
  readonly gold: Uint8Array;
  readonly historyKeys: readonly (string | undefined)[];
}

/** Per token, the id of its prediction-history feature, or -1. */
type HistoryIds = Int32Array;

/** Deterministic 32-bit PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}

function spansIn(sentence: Sentence, spans: readonly TypedSpan[]): TypedSpan[] {
  const start = sentence[0]?.start ?? 0;
  const end = sentence.at(-1)?.end ?? 0;
  return spans.filter((span) => span.end > start && span.start < end);
}

function featurise(documents: readonly TrainingDocument[], gazetteerLists: GazetteerLists) {
  const gazetteer = buildGazetteer(gazetteerLists);
  return documents.map((document) => {
    const sentences = tokenizeSentences(document.text);
    const features = documentFeatures(sentences, gazetteer);
    return sentences.map((sentence, s) => ({
      names: (features[s] ?? []).map(featureNames),
      gold: encodeTags(sentence, spansIn(sentence, document.entities)),
      historyKeys: (features[s] ?? []).map((token) => token.historyKey),
    }));
  });
}

function indexFeatures(
  featurised: ReturnType<typeof featurise>,
  minCount: number,
  dropTemplates: readonly string[],
) {
  const dropped = new Set(dropTemplates);
  const counts = new Map<string, number>();
  for (const { names } of featurised.flat()) {
    for (const token of names) for (const name of token) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.keys()].filter(
    (name) => (counts.get(name) ?? 0) >= minCount && !dropped.has(name.slice(0, name.indexOf('='))),
  );
  names.push(...HISTORY_FEATURES);
  const index = new Map(names.map((name, row) => [name, row]));
  const documents: PreparedSentence[][] = featurised.map((sentences) =>
    sentences.map(({ names: tokens, gold, historyKeys }) => {
      const ids = tokens.map((token) => token.flatMap((name) => index.get(name) ?? []));
      const offsets = new Int32Array(ids.length + 1);
      ids.forEach((token, t) => {
        offsets[t + 1] = (offsets[t] ?? 0) + token.length;
      });
      return { offsets, features: Int32Array.from(ids.flat()), gold, historyKeys };
    }),
  );
  return { names, documents, index };
}

/** Perceptron weights, and the clock-weighted sums of their updates for averaging. */
interface Perceptron {
  readonly weights: Float64Array;
  readonly weighted: Float64Array;
  readonly transitions: Float64Array;
  readonly weightedTransitions: Float64Array;
  clock: number;
}

const TAG_COUNT = TAGS.length;
const CONSTRAINTS = tagConstraints(TAG_COUNT);

/** Feature ids of token t: its static features and, if any, its prediction-history feature. */
function tokenFeatures(sentence: PreparedSentence, history: HistoryIds, t: number): Int32Array {
  const ids = sentence.features.subarray(sentence.offsets[t] ?? 0, sentence.offsets[t + 1] ?? 0);
  const extra = history[t] ?? -1;
  return extra < 0 ? ids : Int32Array.of(...ids, extra);
}

function predict(perceptron: Perceptron, sentence: PreparedSentence, history: HistoryIds): Uint8Array {
  const n = TAG_COUNT;
  const length = sentence.gold.length;
  const emissions = new Float64Array(length * n);
  for (let t = 0; t < length; t += 1) {
    for (const id of tokenFeatures(sentence, history, t)) {
      const row = id * n;
      for (let tag = 0; tag < n; tag += 1) {
        emissions[t * n + tag] = (emissions[t * n + tag] ?? 0) + (perceptron.weights[row + tag] ?? 0);
      }
    }
  }
  const { transitions } = perceptron;
  return viterbi({ tagCount: n, emissions, transitions, ...CONSTRAINTS }, length);
}

function add(values: Float64Array, sums: Float64Array, cell: number, delta: number, clock: number): void {
  values[cell] = (values[cell] ?? 0) + delta;
  sums[cell] = (sums[cell] ?? 0) + clock * delta;
}

/** Where the predicted path differs from gold: gold features and transitions up, predicted ones down. */
function learn(
  perceptron: Perceptron,
  sentence: PreparedSentence,
  history: HistoryIds,
  predicted: Uint8Array,
): void {
  const n = TAG_COUNT;
  const { weights, weighted, transitions, weightedTransitions, clock } = perceptron;
  for (let t = 0; t < sentence.gold.length; t += 1) {
    const gold = sentence.gold[t] ?? 0;
    const guess = predicted[t] ?? 0;
    if (gold !== guess) {
      for (const id of tokenFeatures(sentence, history, t)) {
        const row = id * n;
        add(weights, weighted, row + gold, 1, clock);
        add(weights, weighted, row + guess, -1, clock);
      }
    }
    const goldFrom = t === 0 ? n : (sentence.gold[t - 1] ?? 0);
    const guessFrom = t === 0 ? n : (predicted[t - 1] ?? 0);
    if (goldFrom !== guessFrom || gold !== guess) {
      add(transitions, weightedTransitions, goldFrom * n + gold, 1, clock);
      add(transitions, weightedTransitions, guessFrom * n + guess, -1, clock);
    }
  }
}

function average(values: Float64Array, sums: Float64Array, clock: number): Float32Array {
  return Float32Array.from(values, (value, i) => value - (sums[i] ?? 0) / clock);
}

/**
 * Trains a linear-chain tagger with the averaged structured perceptron: Viterbi-decode each sentence
 * under the BILOU constraints and, where the path is wrong, add the gold features and subtract the
 * predicted ones. Averaging uses the usual trick: keep `sum(clock * update)` and return `w - sum / clock`.
 * With `history`, documents are shuffled (seeded) and their sentences read in order, so that the
 * prediction-history feature sees the model's own earlier predictions in the document, as when tagging.
 */
export function trainTagger(documents: readonly TrainingDocument[], options: TrainingOptions): ModelWeights {
  const prepared = indexFeatures(
    featurise(documents, options.gazetteer),
    options.minCount ?? 1,
    options.dropTemplates ?? [],
  );
  const { names, index } = prepared;
  const sentenceCount = prepared.documents.reduce((sum, sentences) => sum + sentences.length, 0);
  const historyIds = (keys: readonly (string | undefined)[], history: PredictionHistory): HistoryIds =>
    Int32Array.from(keys, (key) => {
      const type = historyType(history, key);
      return type ? (index.get(`${HISTORY_TEMPLATE}=${type}`) ?? -1) : -1;
    });
  const perceptron: Perceptron = {
    weights: new Float64Array(names.length * TAG_COUNT),
    weighted: new Float64Array(names.length * TAG_COUNT),
    transitions: new Float64Array((TAG_COUNT + 1) * TAG_COUNT),
    weightedTransitions: new Float64Array((TAG_COUNT + 1) * TAG_COUNT),
    clock: 1,
  };
  const averaged = (): ModelWeights => ({
    tags: TAGS,
    features: names,
    weights: average(perceptron.weights, perceptron.weighted, perceptron.clock),
    transitions: average(perceptron.transitions, perceptron.weightedTransitions, perceptron.clock),
    gazetteer: options.gazetteer,
    meta: {
      format: MODEL_FORMAT,
      epochs: options.epochs,
      seed: options.seed,
      history: options.history ?? false,
      sentences: sentenceCount,
    },
  });
  const random = seededRandom(options.seed);
  // Without history, each sentence is its own unit; with it, a document is (its sentences read in order).
  const units = options.history
    ? prepared.documents
    : prepared.documents.flat().map((sentence) => [sentence]);
  const order = units.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const i of order) {
      const history: PredictionHistory = new Map();
      for (const sentence of units[i] ?? []) {
        const ids = historyIds(sentence.historyKeys, options.history ? history : new Map());
        const predicted = predict(perceptron, sentence, ids);
        learn(perceptron, sentence, ids, predicted);
        recordHistory(history, sentence.historyKeys, predicted);
        perceptron.clock += 1;
      }
    }
    options.onEpoch?.(epoch, averaged);
  }
  return averaged();
}
