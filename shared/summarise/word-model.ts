import { porterStem } from './porter-stemmer.ts';
import modelFile from './summary-model.json' with { type: 'json' };

/**
 * How likely a reader's summary is to use each word of the article. A logistic regression over eight
 * features of a word type in the article (how often and how early it occurs, whether it is a function word or
 * a number, ...) gives the probability that a human highlight of the article contains it. Trained by
 * scripts/train-summary.ts on CNN/DailyMail highlights; the weights live in summary-model.json.
 */

/** The features, in the order the weights expect them. */
export const WORD_FEATURES = [
  'log(1 + occurrences)',
  'log(1 + index of the first sentence using it)',
  'used in the first sentence',
  'occurrences in the first three sentences, at most 3',
  'function word',
  'number',
  'log(characters)',
  'occurrences per sentence',
] as const;

export interface SummaryModel {
  /** WORD_FEATURES as the model was trained; a model for other features is refused. */
  readonly features: readonly string[];
  /** Standardisation: each feature becomes (value - mean) / scale before the weights apply. */
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** Words a reader's summary spends per sentence asked for: the expected-F1 denominator's other half. */
  readonly referenceTokensPerSentence: number;
  /** Candidate sentences: the first `leadWindow` that pass the filters. */
  readonly leadWindow: number;
}

const LEAD_SENTENCES = 3;
const MAX_LEAD_OCCURRENCES = 3;
const MIN_STEMMED_LENGTH = 4;
const TOKEN = /[\p{L}\p{N}]+/gu;
/** Porter's rules are for English words: other scripts and accented words are kept as they are. */
const STEMMABLE = /^[a-z0-9]+$/;
const NUMBER = /^\p{N}+$/u;
/** The most frequent English function words. */
const FUNCTION_WORDS = new Set(
  (
    'the a an of to in and for on at by with from as is was were be been has have had that this it its ' +
    'he she his her they their will would who which or but not are after'
  ).split(' '),
);

export const SUMMARY_MODEL: SummaryModel = checkedSummaryModel(modelFile);

/** The model, or an error when it was trained on other features than WORD_FEATURES. */
export function checkedSummaryModel(model: SummaryModel): SummaryModel {
  const sameFeatures =
    model.features.length === WORD_FEATURES.length &&
    model.features.every((name, index) => name === WORD_FEATURES[index]);
  const sameLength = [model.mean, model.scale, model.weights].every(
    (values) => values.length === WORD_FEATURES.length,
  );
  if (!sameFeatures || !sameLength) {
    throw new Error('summary-model.json was trained on other features; run npm run train:summary');
  }
  return model;
}

/** Stems already computed, shared by every article a process summarises; emptied when it grows this large. */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 100_000;

function stemOf(token: string): string {
  let stem = STEMS.get(token);
  if (stem === undefined) {
    if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear();
    stem = porterStem(token);
    STEMS.set(token, stem);
  }
  return stem;
}

/**
 * Lowercased words, split on anything that is not a letter or digit (`Locke's` -> `locke`, `s`), English
 * words of four or more characters Porter-stemmed.
 */
export function wordTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(TOKEN) ?? [];
  return tokens.map(modelWord);
}

/** A lowercased token as the model sees it: stemmed when it is an English word of four or more characters. */
function modelWord(token: string): string {
  return token.length < MIN_STEMMED_LENGTH || !STEMMABLE.test(token) ? token : stemOf(token);
}

interface WordStats {
  occurrences: number;
  firstSentence: number;
  leadOccurrences: number;
}

/** How often and where each word type of an article occurs, given its sentences as tokens. */
function wordStatistics(tokensBySentence: readonly (readonly string[])[]): Map<string, WordStats> {
  const stats = new Map<string, WordStats>();
  tokensBySentence.forEach((tokens, index) => {
    for (const token of tokens) {
      let word = stats.get(token);
      if (word === undefined) {
        word = { occurrences: 0, firstSentence: index, leadOccurrences: 0 };
        stats.set(token, word);
      }
      word.occurrences += 1;
      if (index < LEAD_SENTENCES) word.leadOccurrences += 1;
    }
  });
  return stats;
}

/** The features of one word type, in WORD_FEATURES order, in an article of `sentences` sentences. */
function featuresOf(token: string, word: WordStats, sentences: number): number[] {
  return [
    Math.log1p(word.occurrences),
    Math.log1p(word.firstSentence),
    word.firstSentence === 0 ? 1 : 0,
    Math.min(word.leadOccurrences, MAX_LEAD_OCCURRENCES),
    FUNCTION_WORDS.has(token) ? 1 : 0,
    NUMBER.test(token) ? 1 : 0,
    Math.log(token.length),
    word.occurrences / sentences,
  ];
}

/** The features of every word type of an article, given its sentences as tokens. */
export function wordFeatures(tokensBySentence: readonly (readonly string[])[]): Map<string, number[]> {
  const sentences = Math.max(1, tokensBySentence.length);
  const features = new Map<string, number[]>();
  for (const [token, word] of wordStatistics(tokensBySentence)) {
    features.set(token, featuresOf(token, word, sentences));
  }
  return features;
}

/** The model's log-odds for one feature vector. */
export function logOdds(features: readonly number[], model: SummaryModel): number {
  let sum = model.bias;
  for (let index = 0; index < features.length; index++) {
    const value = features[index] as number;
    sum += (model.weights[index] ?? 0) * ((value - (model.mean[index] ?? 0)) / (model.scale[index] ?? 1));
  }
  return sum;
}

/**
 * The probability that a reader's summary uses a word type of the article (0 for a word it does not use).
 * Only the words asked about are scored: the summariser asks about its candidate sentences' words.
 */
export function wordProbabilities(
  tokensBySentence: readonly (readonly string[])[],
  model: SummaryModel = SUMMARY_MODEL,
): (token: string) => number {
  const stats = wordStatistics(tokensBySentence);
  const sentences = Math.max(1, tokensBySentence.length);
  return (token) => {
    const word = stats.get(token);
    if (word === undefined) return 0;
    return 1 / (1 + Math.exp(-logOdds(featuresOf(token, word, sentences), model)));
  };
}
