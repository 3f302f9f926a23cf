import { gunzipSync, gzipSync } from 'node:zlib';
import {
  BIGRAM_TEMPLATES,
  type Bigrams,
  describeDocument,
  type FeaturePairs,
  type NeighbourFeatures,
  type OwnFeatures,
  sentenceFeatures,
  type TokenFeatures,
} from './features.ts';
import { buildGazetteer, type Gazetteer, type GazetteerLists } from './gazetteer.ts';
import { HISTORY_TEMPLATE, historyType, type PredictionHistory, recordHistory } from './history.ts';
import { decodeTags, type EntityMention, tagConstraints } from './tags.ts';
import { tokenizeSentences } from './tokenize.ts';
import { viterbi } from './viterbi.ts';

export const MODEL_FORMAT = 'precis-ner/1';

/** Trained weights in memory: one row of `tags.length` weights per feature, plus tag transitions. */
export interface ModelWeights {
  readonly tags: readonly string[];
  readonly features: readonly string[];
  /** `weights[feature * tags.length + tag]`. */
  readonly weights: Float32Array;
  /** `(tags.length + 1) * tags.length`: from-tag rows, the last row for the sentence start. */
  readonly transitions: Float32Array;
  readonly gazetteer: GazetteerLists;
  readonly meta: Readonly<Record<string, unknown>>;
}

/**
 * The committed file: weights quantised to 16-bit integers (`value = int * scale`), feature names, and
 * gazetteers, each gzipped and base64-encoded so the whole model is one JSON document a bundler inlines.
 */
export interface ModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly tags: readonly string[];
  readonly featureCount: number;
  readonly scale: number;
  readonly transitions: readonly number[];
  readonly features: string;
  readonly weights: string;
  readonly gazetteer: string;
  readonly meta: Readonly<Record<string, unknown>>;
}

/** A model ready to tag: feature lookup, weights, the gazetteer index and the BILOU constraints. */
export interface NerModel {
  readonly tagCount: number;
  /** Weight row of a feature: template -> value -> row. */
  readonly index: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Weight row of a bigram feature by its halves: template -> left -> right -> row (see `Bigrams`). */
  readonly bigramIndex: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
  readonly allowed: readonly boolean[];
  readonly allowedEnd: readonly boolean[];
  readonly gazetteer: Gazetteer;
  /** Memo of own-feature scores per token description. */
  readonly ownScores: WeakMap<OwnFeatures, Float64Array>;
  /** Memo of the scores a token description gives its neighbours, slot after slot. */
  readonly neighbourScores: WeakMap<NeighbourFeatures, Float64Array>;
}

const INT16_MAX = 32767;
const NAME_SEPARATOR = '\n';

function pack(bytes: Uint8Array): string {
  return gzipSync(bytes, { level: 9 }).toString('base64');
}

function unpack(text: string): Buffer {
  return gunzipSync(Buffer.from(text, 'base64'));
}

function rowPeak(weights: Float32Array, row: number, width: number): number {
  let peak = 0;
  for (let tag = 0; tag < width; tag += 1) peak = Math.max(peak, Math.abs(weights[row * width + tag] ?? 0));
  return peak;
}

/** Encodes weights for committing, dropping features whose weights all stay below `threshold`. */
export function encodeModel(model: ModelWeights, threshold = 0): ModelFile {
  const width = model.tags.length;
  const kept = model.features.flatMap((_, row) =>
    rowPeak(model.weights, row, width) > threshold ? [row] : [],
  );
  let peak = 0;
  for (const row of kept) peak = Math.max(peak, rowPeak(model.weights, row, width));
  for (const value of model.transitions) if (Number.isFinite(value)) peak = Math.max(peak, Math.abs(value));
  const scale = peak > 0 ? peak / INT16_MAX : 1;
  const quantised = Buffer.alloc(kept.length * width * 2);
  kept.forEach((row, k) => {
    for (let tag = 0; tag < width; tag += 1) {
      const value = Math.round((model.weights[row * width + tag] ?? 0) / scale);
      quantised.writeInt16LE(value, (k * width + tag) * 2);
    }
  });
  const names = kept.map((row) => model.features[row] ?? '').join(NAME_SEPARATOR);
  return {
    format: MODEL_FORMAT,
    tags: model.tags,
    featureCount: kept.length,
    scale,
    transitions: [...model.transitions].map((value) => Math.round(value / scale)),
    features: pack(Buffer.from(names, 'utf8')),
    weights: pack(quantised),
    gazetteer: pack(Buffer.from(JSON.stringify(model.gazetteer), 'utf8')),
    meta: model.meta,
  };
}

const BIGRAMS: ReadonlySet<string> = new Set(BIGRAM_TEMPLATES);

type BigramIndex = Map<string, Map<string, Map<string, number>>>;

/**
 * Indexes a bigram feature under each way of cutting its value at a "|": "a|b|c" is found as ("a", "b|c")
 * and as ("a|b", "c"), so it is found whichever halves the tokens give, and no other halves find it.
 */
function indexBigram(index: BigramIndex, template: string, value: string, row: number): void {
  const byLeft = index.get(template) ?? new Map<string, Map<string, number>>();
  index.set(template, byLeft);
  for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
    const left = value.slice(0, bar);
    const rights = byLeft.get(left) ?? new Map<string, number>();
    rights.set(value.slice(bar + 1), row);
    byLeft.set(left, rights);
  }
}

/** Builds a taggable model from weights held in memory (training, tests). */
export function modelFromWeights(model: ModelWeights): NerModel {
  const index = new Map<string, Map<string, number>>();
  const bigramIndex: BigramIndex = new Map();
  model.features.forEach((name, row) => {
    const split = name.indexOf('=');
    const template = name.slice(0, split);
    const value = name.slice(split + 1);
    if (BIGRAMS.has(template)) {
      indexBigram(bigramIndex, template, value, row);
      return;
    }
    const values = index.get(template) ?? new Map<string, number>();
    values.set(value, row);
    index.set(template, values);
  });
  return {
    tagCount: model.tags.length,
    index,
    bigramIndex,
    weights: model.weights,
    transitions: model.transitions,
    ...tagConstraints(model.tags.length),
    gazetteer: buildGazetteer(model.gazetteer),
    ownScores: new WeakMap(),
    neighbourScores: new WeakMap(),
  };
}

/** Decodes a committed model file. */
export function decodeModel(file: ModelFile): NerModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`unknown NER model format: ${String(file.format)}`);
  const width = file.tags.length;
  const features = unpack(file.features).toString('utf8').split(NAME_SEPARATOR);
  const raw = unpack(file.weights);
  // A copy, so the view starts on a 2-byte boundary; Int16Array reads the platform's byte order, little-endian
  // on every Lambda architecture (x86_64, arm64), as the file is written.
  const quantised = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const weights = new Float32Array(file.featureCount * width);
  for (let i = 0; i < weights.length; i += 1) weights[i] = (quantised[i] as number) * file.scale;
  return modelFromWeights({
    tags: file.tags,
    features: file.featureCount === 0 ? [] : features,
    weights,
    transitions: Float32Array.from(file.transitions, (value) => value * file.scale),
    gazetteer: JSON.parse(unpack(file.gazetteer).toString('utf8')) as GazetteerLists,
    meta: file.meta,
  });
}

/** Adds weight row `row` to the `tagCount` scores at `offset`. */
function addRow(model: NerModel, row: number, scores: Float64Array, offset: number): void {
  const { tagCount: n, weights } = model;
  const base = row * n;
  for (let tag = 0; tag < n; tag += 1) {
    scores[offset + tag] = (scores[offset + tag] as number) + (weights[base + tag] as number);
  }
}

function addPairs(model: NerModel, pairs: FeaturePairs, scores: Float64Array, offset: number): void {
  for (let k = 0; k < pairs.length; k += 2) {
    const row = model.index.get(pairs[k] as string)?.get(pairs[k + 1] as string);
    if (row !== undefined) addRow(model, row, scores, offset);
  }
}

function addBigrams(model: NerModel, bigrams: Bigrams, scores: Float64Array, offset: number): void {
  for (let k = 0; k < bigrams.length; k += 3) {
    const row = model.bigramIndex
      .get(bigrams[k] as string)
      ?.get(bigrams[k + 1] as string)
      ?.get(bigrams[k + 2] as string);
    if (row !== undefined) addRow(model, row, scores, offset);
  }
}

/** Scores of a token's own features, computed once per distinct token (by identity) and model. */
function ownScores(model: NerModel, own: OwnFeatures): Float64Array {
  let scores = model.ownScores.get(own);
  if (!scores) {
    scores = new Float64Array(model.tagCount);
    addPairs(model, own.pairs, scores, 0);
    model.ownScores.set(own, scores);
  }
  return scores;
}

/** Scores a token gives its neighbours, `tagCount` per slot, computed once per distinct token and model. */
function neighbourScores(model: NerModel, neighbour: NeighbourFeatures): Float64Array {
  let scores = model.neighbourScores.get(neighbour);
  if (!scores) {
    const n = model.tagCount;
    const computed = new Float64Array(neighbour.slots.length * n);
    neighbour.slots.forEach((pairs, slot) => {
      addPairs(model, pairs, computed, slot * n);
    });
    model.neighbourScores.set(neighbour, computed);
    scores = computed;
  }
  return scores;
}

/** Per-token tag scores of one sentence from its features and the document's prediction history. */
export function emissionScores(
  model: NerModel,
  features: readonly TokenFeatures[],
  history: PredictionHistory = new Map(),
): Float64Array {
  const n = model.tagCount;
  const scores = new Float64Array(features.length * n);
  // Plain loops rather than callbacks: this runs once per token of every document.
  for (let t = 0; t < features.length; t += 1) {
    const token = features[t] as TokenFeatures;
    const offset = t * n;
    scores.set(ownScores(model, token.own), offset);
    for (let slot = 0; slot < token.neighbours.length; slot += 1) {
      const given = neighbourScores(model, token.neighbours[slot] as NeighbourFeatures);
      for (let tag = 0; tag < n; tag += 1) {
        scores[offset + tag] = (scores[offset + tag] as number) + (given[slot * n + tag] as number);
      }
    }
    addBigrams(model, token.bigrams, scores, offset);
    addPairs(model, token.context, scores, offset);
    const type = historyType(history, token.historyKey);
    if (type) addPairs(model, [HISTORY_TEMPLATE, type], scores, offset);
  }
  return scores;
}

/**
 * Tags a whole document, sentence by sentence in order (sentences share document-level features and
 * the prediction history), and returns mentions in order.
 */
export function tagWithModel(model: NerModel, text: string): EntityMention[] {
  const sentences = tokenizeSentences(text);
  const document = describeDocument(sentences, model.gazetteer);
  const history: PredictionHistory = new Map();
  return sentences.flatMap((sentence, s) => {
    const tokens = sentenceFeatures(document, s);
    const emissions = emissionScores(model, tokens, history);
    const tags = viterbi({ ...model, emissions }, sentence.length);
    recordHistory(
      history,
      tokens.map((token) => token.historyKey),
      tags,
    );
    return decodeTags(text, sentence, tags);
  });
}
