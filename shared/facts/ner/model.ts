import { sentenceEmissions } from './emissions.ts';
import { buildFeatureIndex, type FeatureIndex } from './feature-index.ts';
import { describeDocument, sentenceContext } from './features.ts';
import { buildGazetteer, type Gazetteer, type GazetteerLists } from './gazetteer.ts';
import { type PredictionHistory, recordHistory } from './history.ts';
import { createScorer, type Scorer } from './scorer.ts';
import { type SparseWeights, sparseWeights } from './sparse-weights.ts';
import { decodeTags, type EntityMention, tagConstraints } from './tags.ts';
import { tokenizeSentences } from './tokenize.ts';
import { type ChainDecoder, chainDecoder, decodeChain } from './viterbi.ts';

/** The model file's format (model-file.ts); training records it in the model's meta. */
export const MODEL_FORMAT = 'precis-ner/4';

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

/** A model ready to tag: feature lookup, weights, the gazetteer index and the BILOU constraints. */
export interface NerModel {
  readonly tagCount: number;
  /** Weight row of each feature by integer ids (see feature-index.ts). */
  readonly index: FeatureIndex;
  readonly weights: SparseWeights;
  readonly transitions: Float32Array;
  readonly allowed: readonly boolean[];
  readonly allowedEnd: readonly boolean[];
  readonly gazetteer: Gazetteer;
  readonly scorer: Scorer;
  readonly decoder: ChainDecoder;
}

/** What a taggable model is made of, however it was read. */
export interface ModelParts {
  readonly tags: readonly string[];
  readonly index: FeatureIndex;
  readonly weights: SparseWeights;
  readonly transitions: Float32Array;
  readonly gazetteer: Gazetteer;
}

/** A taggable model of its parts: the BILOU constraints and the scorer added. */
export function assembleModel(parts: ModelParts): NerModel {
  const { gazetteer } = parts;
  const tagCount = parts.tags.length;
  const constraints = tagConstraints(tagCount);
  return {
    tagCount,
    index: parts.index,
    weights: parts.weights,
    transitions: parts.transitions,
    ...constraints,
    gazetteer,
    scorer: createScorer(parts.index, parts.weights, tagCount, gazetteer.common),
    decoder: chainDecoder(tagCount, parts.transitions, constraints.allowed, constraints.allowedEnd),
  };
}

/** Builds a taggable model from weights held in memory (training, tests). */
export const modelFromWeights = (model: ModelWeights): NerModel =>
  assembleModel({
    ...model,
    weights: sparseWeights(model.weights, model.tags.length),
    index: buildFeatureIndex(model.features),
    gazetteer: buildGazetteer(model.gazetteer),
  });

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
    const tags = decodeChain(model.decoder, emissions, sentence.length);
    recordHistory(history, historyKeys, tags);
    return decodeTags(text, sentence, tags);
  });
}
