import { porterStem } from './porter-stemmer.ts';
import modelFile from './summary-model.json' with { type: 'json' };
import { hashOf, TokenTable } from './token-table.ts';
import { modelTokenEnd, modelTokenStart, modelTokens } from './tokens.ts';

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

/**
 * A word as the model sees it: one object per distinct word in the process, shared by every token that becomes it
 * (`running`, `runs` -> `run`), so that an article numbers its words without a lookup of its own (articleWords).
 */
interface ModelWord {
  readonly text: string;
  /** The article that last numbered it (`articlesNumbered` then), and its number in that article. */
  article: number;
  id: number;
}

/**
 * Model words already worked out, by lowercased token and by text, shared by every article a process summarises:
 * a token costs one lookup after its first use. Emptied, between articles, once this large.
 */
const BY_TOKEN = new Map<string, ModelWord>();
const BY_TEXT = new Map<string, ModelWord>();
const MAX_CACHED_WORDS = 100_000;
/**
 * BY_TOKEN's words, found by the characters of the token in its sentence (articleWords); emptied with it. Made on the
 * first article rather than at import (its arrays are a cold start's page faults).
 */
let byCharacters: TokenTable<ModelWord> | undefined;
let articlesNumbered = 0;

function forgetWordsWhenFull(): void {
  if (BY_TOKEN.size < MAX_CACHED_WORDS) return;
  BY_TOKEN.clear();
  BY_TEXT.clear();
  byCharacters?.clear();
}

/** A lowercased token as the model sees it: stemmed when it is an English word of four or more characters. */
function modelWordOf(token: string): ModelWord {
  let word = BY_TOKEN.get(token);
  if (word === undefined) {
    const text = token.length < MIN_STEMMED_LENGTH || !STEMMABLE.test(token) ? token : porterStem(token);
    word = BY_TEXT.get(text);
    if (word === undefined) {
      word = { text, article: 0, id: 0 };
      BY_TEXT.set(text, word);
    }
    BY_TOKEN.set(token, word);
  }
  return word;
}

/**
 * Lowercased words, split on anything that is not a letter or digit (`Locke's` -> `locke`, `s`), English
 * words of four or more characters Porter-stemmed.
 */
export function wordTokens(text: string): string[] {
  forgetWordsWhenFull();
  const tokens = modelTokens(text.toLowerCase());
  return tokens.map((token) => modelWordOf(token).text);
}

/**
 * An article's words as the model sees them, numbered: each distinct word once, in order of first use, and each
 * sentence as the numbers of its words; with how often and where each word occurs.
 */
export interface ArticleWords {
  /** Each distinct word, by its number. */
  readonly words: string[];
  /** Each sentence's words, as numbers. */
  readonly sentences: number[][];
  /** By word number: its occurrences, the index of the first sentence using it, its occurrences in the lead. */
  readonly occurrences: number[];
  readonly firstSentence: number[];
  readonly leadOccurrences: number[];
}

function noWords(): ArticleWords {
  return { words: [], sentences: [], occurrences: [], firstSentence: [], leadOccurrences: [] };
}

/** Numbers a word new to the article, first used in sentence `sentence`. */
function addWord(article: ArticleWords, text: string, sentence: number): number {
  article.words.push(text);
  article.occurrences.push(0);
  article.firstSentence.push(sentence);
  article.leadOccurrences.push(0);
  return article.words.length - 1;
}

function countOccurrence(article: ArticleWords, id: number, sentence: number): void {
  article.occurrences[id] = (article.occurrences[id] as number) + 1;
  if (sentence < LEAD_SENTENCES) article.leadOccurrences[id] = (article.leadOccurrences[id] as number) + 1;
}

/** The words of an article's sentences (their texts), as wordTokens reads them, numbered. */
export function articleWords(texts: readonly string[]): ArticleWords {
  forgetWordsWhenFull();
  articlesNumbered += 1;
  const article = noWords();
  byCharacters ??= new TokenTable<ModelWord>(MAX_CACHED_WORDS);
  const table = byCharacters;
  for (let sentence = 0; sentence < texts.length; sentence++) {
    // The tokens of modelTokens(lowercased), each found where it stands: a token met before makes no string.
    const lowercased = (texts[sentence] as string).toLowerCase();
    const ids: number[] = [];
    for (
      let start = modelTokenStart(lowercased, 0), end = 0;
      start < lowercased.length;
      start = modelTokenStart(lowercased, end)
    ) {
      end = modelTokenEnd(lowercased, start);
      const hash = hashOf(lowercased, start, end);
      let word = table.get(lowercased, start, end, hash);
      if (word === undefined) {
        word = modelWordOf(lowercased.slice(start, end));
        table.add(lowercased, start, end, hash, word);
      }
      if (word.article !== articlesNumbered) {
        word.article = articlesNumbered;
        word.id = addWord(article, word.text, sentence);
      }
      ids.push(word.id);
      countOccurrence(article, word.id, sentence);
    }
    article.sentences.push(ids);
  }
  return article;
}

/** Sentences given as model tokens (wordTokens'), numbered as articleWords numbers them, with each word's number. */
function numberedTokens(tokensBySentence: readonly (readonly string[])[]): {
  article: ArticleWords;
  ids: Map<string, number>;
} {
  const article = noWords();
  const ids = new Map<string, number>();
  tokensBySentence.forEach((tokens, sentence) => {
    const numbers: number[] = [];
    tokens.forEach((token) => {
      let id = ids.get(token);
      if (id === undefined) {
        id = addWord(article, token, sentence);
        ids.set(token, id);
      }
      numbers.push(id);
      countOccurrence(article, id, sentence);
    });
    article.sentences.push(numbers);
  });
  return { article, ids };
}

/** The features of word `id` of the article, in WORD_FEATURES order. */
function featuresOf(article: ArticleWords, id: number): number[] {
  const token = article.words[id] as string;
  const occurrences = article.occurrences[id] as number;
  const firstSentence = article.firstSentence[id] as number;
  return [
    Math.log1p(occurrences),
    Math.log1p(firstSentence),
    firstSentence === 0 ? 1 : 0,
    Math.min(article.leadOccurrences[id] as number, MAX_LEAD_OCCURRENCES),
    FUNCTION_WORDS.has(token) ? 1 : 0,
    NUMBER.test(token) ? 1 : 0,
    Math.log(token.length),
    occurrences / Math.max(1, article.sentences.length),
  ];
}

/** The features of every word type of an article, given its sentences as tokens. */
export function wordFeatures(tokensBySentence: readonly (readonly string[])[]): Map<string, number[]> {
  const { article } = numberedTokens(tokensBySentence);
  const features = new Map<string, number[]>();
  article.words.forEach((token, id) => {
    features.set(token, featuresOf(article, id));
  });
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

/** The probability that a reader's summary uses word `id` of the article. */
export function wordProbability(
  article: ArticleWords,
  id: number,
  model: SummaryModel = SUMMARY_MODEL,
): number {
  return 1 / (1 + Math.exp(-logOdds(featuresOf(article, id), model)));
}

/**
 * The probability that a reader's summary uses a word type of the article (0 for a word it does not use).
 * Only the words asked about are scored.
 */
export function wordProbabilities(
  tokensBySentence: readonly (readonly string[])[],
  model: SummaryModel = SUMMARY_MODEL,
): (token: string) => number {
  const { article, ids } = numberedTokens(tokensBySentence);
  return (token) => {
    const id = ids.get(token);
    return id === undefined ? 0 : wordProbability(article, id, model);
  };
}
