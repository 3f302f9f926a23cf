import { documentFeatures, featureNames } from './features.ts';
import { buildGazetteer, type GazetteerLists } from './gazetteer.ts';
import { MODEL_FORMAT, type ModelWeights } from './model.ts';
import { allowedEnd, allowedTransition, encodeTags, TAGS, type TypedSpan } from './tags.ts';
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
  /** Called after each epoch with a function that computes the averaged weights so far. */
  readonly onEpoch?: (epoch: number, averaged: () => ModelWeights) => void;
}

interface PreparedSentence {
  /** Feature ids of token t are `features[offsets[t]..offsets[t + 1]]`. */
  readonly offsets: Int32Array;
  readonly features: Int32Array;
  readonly gold: Uint8Array;
}

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
  return documents.flatMap((document) => {
    const sentences = tokenizeSentences(document.text);
    const features = documentFeatures(sentences, gazetteer);
    return sentences.map((sentence, s) => ({
      names: (features[s] ?? []).map(featureNames),
      gold: encodeTags(sentence, spansIn(sentence, document.entities)),
    }));
  });
}

function indexFeatures(featurised: ReturnType<typeof featurise>, minCount: number) {
  const counts = new Map<string, number>();
  for (const { names } of featurised) {
    for (const token of names) for (const name of token) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.keys()].filter((name) => (counts.get(name) ?? 0) >= minCount);
  const index = new Map(names.map((name, row) => [name, row]));
  const sentences: PreparedSentence[] = featurised.map(({ names: tokens, gold }) => {
    const ids = tokens.map((token) => token.flatMap((name) => index.get(name) ?? []));
    const offsets = new Int32Array(ids.length + 1);
    ids.forEach((token, t) => {
      offsets[t + 1] = (offsets[t] ?? 0) + token.length;
    });
    return { offsets, features: Int32Array.from(ids.flat()), gold };
  });
  return { names, sentences };
}

/**
 * Trains a linear-chain tagger with the averaged structured perceptron: Viterbi-decode each sentence
 * under the BILOU constraints and, where the path is wrong, add the gold features and subtract the
 * predicted ones. Averaging uses the usual trick: keep `sum(c * update)` and return `w - u / c`.
 */
export function trainTagger(documents: readonly TrainingDocument[], options: TrainingOptions): ModelWeights {
  const n = TAGS.length;
  const { names, sentences } = indexFeatures(featurise(documents, options.gazetteer), options.minCount ?? 1);
  const weights = new Float64Array(names.length * n);
  const weighted = new Float64Array(names.length * n);
  const transitions = new Float64Array((n + 1) * n);
  const weightedTransitions = new Float64Array((n + 1) * n);
  const allowed: boolean[] = [];
  for (let from = 0; from <= n; from += 1) {
    for (let to = 0; to < n; to += 1) allowed.push(allowedTransition(from < n ? from : undefined, to));
  }
  const ends = TAGS.map((_, tag) => allowedEnd(tag));
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  let clock = 1;

  const update = (sentence: PreparedSentence, t: number, tag: number, delta: number) => {
    for (let k = sentence.offsets[t] ?? 0; k < (sentence.offsets[t + 1] ?? 0); k += 1) {
      const cell = (sentence.features[k] ?? 0) * n + tag;
      weights[cell] = (weights[cell] ?? 0) + delta;
      weighted[cell] = (weighted[cell] ?? 0) + clock * delta;
    }
  };
  const updateTransition = (from: number, to: number, delta: number) => {
    transitions[from * n + to] = (transitions[from * n + to] ?? 0) + delta;
    weightedTransitions[from * n + to] = (weightedTransitions[from * n + to] ?? 0) + clock * delta;
  };
  const averaged = (): ModelWeights => ({
    tags: TAGS,
    features: names,
    weights: Float32Array.from(weights, (w, i) => w - (weighted[i] ?? 0) / clock),
    transitions: Float32Array.from(transitions, (w, i) => w - (weightedTransitions[i] ?? 0) / clock),
    gazetteer: options.gazetteer,
    meta: { format: MODEL_FORMAT, epochs: options.epochs, seed: options.seed, sentences: sentences.length },
  });

  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const i of order) {
      const sentence = sentences[i] as PreparedSentence;
      const length = sentence.gold.length;
      const emissions = new Float64Array(length * n);
      for (let t = 0; t < length; t += 1) {
        for (let k = sentence.offsets[t] ?? 0; k < (sentence.offsets[t + 1] ?? 0); k += 1) {
          const row = (sentence.features[k] ?? 0) * n;
          for (let tag = 0; tag < n; tag += 1) {
            emissions[t * n + tag] = (emissions[t * n + tag] ?? 0) + (weights[row + tag] ?? 0);
          }
        }
      }
      const predicted = viterbi({ tagCount: n, emissions, transitions, allowed, allowedEnd: ends }, length);
      for (let t = 0; t < length; t += 1) {
        const gold = sentence.gold[t] ?? 0;
        const guess = predicted[t] ?? 0;
        if (gold !== guess) {
          update(sentence, t, gold, 1);
          update(sentence, t, guess, -1);
        }
        const goldFrom = t === 0 ? n : (sentence.gold[t - 1] ?? 0);
        const guessFrom = t === 0 ? n : (predicted[t - 1] ?? 0);
        if (goldFrom !== guessFrom || gold !== guess) {
          updateTransition(goldFrom, gold, 1);
          updateTransition(guessFrom, guess, -1);
        }
      }
      clock += 1;
    }
    options.onEpoch?.(epoch, averaged);
  }
  return averaged();
}
