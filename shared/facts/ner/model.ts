import { gunzipSync, gzipSync } from 'node:zlib';
import { createScorer, type Scorer, sentenceEmissions } from './emissions.ts';
import { buildFeatureIndex, type FeatureIndex } from './feature-index.ts';
import { describeDocument, sentenceContext } from './features.ts';
import { buildGazetteer, type Gazetteer, type GazetteerLists } from './gazetteer.ts';
import { type PredictionHistory, recordHistory } from './history.ts';
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
  /** Weight row of each feature by integer ids (see feature-index.ts). */
  readonly index: FeatureIndex;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
  readonly allowed: readonly boolean[];
  readonly allowedEnd: readonly boolean[];
  readonly gazetteer: Gazetteer;
  readonly scorer: Scorer;
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

/** Builds a taggable model from weights held in memory (training, tests). */
export function modelFromWeights(model: ModelWeights): NerModel {
  const index = buildFeatureIndex(model.features);
  const gazetteer = buildGazetteer(model.gazetteer);
  return {
    tagCount: model.tags.length,
    index,
    weights: model.weights,
    transitions: model.transitions,
    ...tagConstraints(model.tags.length),
    gazetteer,
    scorer: createScorer(index, model.weights, model.tags.length, gazetteer.common),
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

/**
 * Tags a whole document, sentence by sentence in order (sentences share document-level features and
 * the prediction history), and returns mentions in order.
 */
export function tagWithModel(model: NerModel, text: string): EntityMention[] {
  const sentences = tokenizeSentences(text);
  const document = describeDocument(sentences, model.gazetteer);
  const history: PredictionHistory = new Map();
  return sentences.flatMap((sentence, s) => {
    const { emissions, historyKeys } = sentenceEmissions(model.scorer, sentenceContext(document, s), history);
    const tags = viterbi({ ...model, emissions }, sentence.length);
    recordHistory(history, historyKeys, tags);
    return decodeTags(text, sentence, tags);
  });
}
