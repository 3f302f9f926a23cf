/**
 * Trains the NER tagger on CoNLL-2003 train and GUM dev (../shared/data, never copied into the repo) and
 * writes the committed model to shared/facts/ner/models/ner.json.
 *
 *   npm run train:ner -- [--epochs 6] [--seed 1] [--no-gum] [--gum-weight 2] [--cv 5] [--out FILE]
 *                        [--threshold 0] [--min-count 1] [--history]
 *
 * `--cv K` writes nothing: it trains K models on fixed folds (document i in fold i mod K) of CoNLL train
 * and of GUM dev and prints, per epoch, the out-of-fold micro F1 of the whole pipeline (cleaning, tagger,
 * entity grouping and typing) on each: that is how the options and epochs were chosen. CoNLL dev is never
 * used for a choice; the final run prints it once, as an untouched figure.
 * Deterministic: the same data, seed and options give the same file.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type Counts,
  countDocument,
  emptyCounts,
  microCounts,
  SCORED_TYPES,
  type ScoredType,
  score,
} from '#shared/facts/ner/evaluate.ts';
import { encodeModel, type ModelWeights, modelFromWeights, tagWithModel } from '#shared/facts/ner/model.ts';
import { type TrainingDocument, trainTagger } from '#shared/facts/ner/train.ts';
import { pipelineSurfaces } from '../bench/ner-pipeline.ts';
import {
  CONLL_DEV,
  CONLL_TRAIN,
  folds,
  type GoldDocument,
  GUM_DEV,
  loadGazetteers,
  readGold,
  withCountriesAsPlaces,
} from './ner-training-data.ts';

const OUTPUT = new URL('../shared/facts/ner/models/ner.json', import.meta.url);

/** A numeric option as a number, or exit: NaN epochs would train nothing and overwrite the model. */
function numberOption(name: string, value: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    console.error(`--${name} must be a number of at least ${min}, got "${value}"`);
    process.exit(2);
  }
  return number;
}

interface Options {
  readonly epochs: number;
  readonly seed: number;
  readonly minCount: number;
  readonly history: boolean;
  readonly gumWeight: number;
}

/** Pipeline counts of a model on gold documents. */
function evaluate(weights: ModelWeights, documents: readonly GoldDocument[]): Record<ScoredType, Counts> {
  const model = modelFromWeights(weights);
  const totals = emptyCounts();
  for (const document of documents) {
    countDocument(
      totals,
      document.entities,
      pipelineSurfaces(document.text, (text) => tagWithModel(model, text)),
    );
  }
  return totals;
}

function add(into: Record<ScoredType, Counts>, counts: Record<ScoredType, Counts>): void {
  for (const type of SCORED_TYPES) {
    into[type].tp += counts[type].tp;
    into[type].fp += counts[type].fp;
    into[type].fn += counts[type].fn;
  }
}

const percent = (value: number) => (value * 100).toFixed(2);

function describe(totals: Record<ScoredType, Counts>): string {
  const types = SCORED_TYPES.map((type) => `${type} ${percent(score(totals[type]).f1)}`).join(', ');
  return `${percent(score(microCounts(totals)).f1)} (${types})`;
}

/** CoNLL train, plus GUM with countries relabelled as places, `gumWeight` times over. */
function trainingSet(conll: readonly GoldDocument[], gum: readonly GoldDocument[], options: Options) {
  const relabelled = gum.map(withCountriesAsPlaces);
  return [...conll, ...Array.from({ length: options.gumWeight }, () => relabelled).flat()];
}

function train(
  documents: readonly TrainingDocument[],
  conll: readonly GoldDocument[],
  options: Options,
  onEpoch?: (epoch: number, averaged: () => ModelWeights) => void,
) {
  return trainTagger(documents, {
    epochs: options.epochs,
    seed: options.seed,
    minCount: options.minCount,
    history: options.history,
    gazetteer: loadGazetteers(conll),
    ...(onEpoch ? { onEpoch } : {}),
  });
}

/** K-fold cross-validation on CoNLL train and GUM dev: out-of-fold pipeline F1 after every epoch. */
function crossValidate(conll: GoldDocument[], gum: GoldDocument[], k: number, options: Options): void {
  const conllFolds = folds(conll, k);
  const gumFolds = folds(gum, k);
  const byEpoch = Array.from({ length: options.epochs }, () => ({
    conll: emptyCounts(),
    gum: emptyCounts(),
  }));
  conllFolds.forEach((conllFold, fold) => {
    const gumFold = gumFolds[fold] ?? { train: [], test: [] };
    const started = performance.now();
    train(
      trainingSet(conllFold.train, gumFold.train, options),
      conllFold.train,
      options,
      (epoch, averaged) => {
        const weights = averaged();
        const totals = byEpoch[epoch - 1];
        if (!totals) return;
        add(totals.conll, evaluate(weights, conllFold.test));
        if (gumFold.test.length > 0) add(totals.gum, evaluate(weights, gumFold.test));
      },
    );
    console.log(`fold ${fold + 1}/${k} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  console.log(`out-of-fold pipeline micro F1, ${k} folds (CoNLL train; GUM dev)`);
  byEpoch.forEach((totals, index) => {
    const web = gum.length > 0 ? `; GUM ${describe(totals.gum)}` : '';
    console.log(`epoch ${index + 1}: CoNLL ${describe(totals.conll)}${web}`);
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
      threshold: { type: 'string', default: '0' },
      'min-count': { type: 'string', default: '1' },
      'gum-weight': { type: 'string', default: '1' },
      'no-gum': { type: 'boolean', default: false },
      cv: { type: 'string' },
      out: { type: 'string' },
      history: { type: 'boolean', default: false },
    },
  });
  const options: Options = {
    epochs: numberOption('epochs', values.epochs, 1),
    seed: numberOption('seed', values.seed, 0),
    minCount: numberOption('min-count', values['min-count'], 1),
    history: values.history,
    gumWeight: numberOption('gum-weight', values['gum-weight'], 1),
  };
  const threshold = numberOption('threshold', values.threshold, 0);
  const started = performance.now();
  const conll = readGold(CONLL_TRAIN);
  if (conll === undefined) return;
  const gum = values['no-gum'] ? [] : (readGold(GUM_DEV) ?? []);
  console.log(
    `CoNLL train: ${conll.length} documents; GUM dev: ${gum.length} documents (x${options.gumWeight})`,
  );
  if (values.cv !== undefined) {
    crossValidate(conll, gum, numberOption('cv', values.cv, 2), options);
    return;
  }
  const weights = train(trainingSet(conll, gum, options), conll, options);
  const file = encodeModel(weights, threshold);
  const json = JSON.stringify(file);
  const output = values.out ? new URL(values.out, `file://${process.cwd()}/`) : OUTPUT;
  writeFileSync(output, json);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${output.pathname}: ${file.featureCount} of ${weights.features.length} features, ` +
      `${(json.length / 1e6).toFixed(2)} MB, ${seconds} s`,
  );
  const dev = readGold(CONLL_DEV);
  if (dev) console.log(`CoNLL dev (untouched), pipeline micro F1 ${describe(evaluate(weights, dev))}`);
}

main();
