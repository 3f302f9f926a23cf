/**
 * Trains the NER tagger on CoNLL-2003 train and GUM dev (../shared/data, never copied into the repo) and
 * writes the committed model to shared/facts/ner/models/ner.bin.
 *
 *   npm run train:ner -- [--epochs 8] [--seed 1] [--no-gum] [--gum-weight 1] [--cv 5] [--out FILE]
 *                        [--threshold 0] [--min-count 1] [--history] [--counts FILE] [--compare FILE]
 *                        [--wordnet group,place,nouns] [--prune T1,T2,...] [--drop TEMPLATE,...]
 *
 * `--cv K` writes nothing: it trains K models on fixed folds (document i in fold i mod K) of CoNLL train
 * and of GUM dev and prints, per epoch, the out-of-fold micro F1 of the whole pipeline (cleaning, tagger,
 * entity grouping and typing) on each: that is how the options and epochs were chosen. CoNLL dev is never
 * used for a choice; the final run prints it once, as an untouched figure. With `--cv`, `--counts FILE`
 * saves each document's counts at the last epoch, and `--compare FILE` prints the difference from such a
 * saved run (another commit or other options) with its paired bootstrap 95% interval over documents.
 * `--wordnet` adds WordNet lists to the gazetteers (scripts/wordnet-lists.ts; measured, not kept).
 * `--prune T1,T2,...` scores (with `--cv`) or writes beside the model (`FILE.pruned-T`, without it) the same
 * weights as the committed file would hold them with `--threshold T`: quantised, and the features whose
 * weights all stay at or below T dropped; with `--cv` each is compared with the first, paired over documents.
 * `--drop w-1|sh0,sh0|w+1` leaves those feature templates out of the model (the tagger skips a template its model
 * lacks without looking it up).
 * Deterministic: the same data, seed and options give the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type Counts,
  emptyCounts,
  microCounts,
  SCORED_TYPES,
  type ScoredType,
  score,
} from '#shared/facts/ner/evaluate.ts';
import type { ModelWeights } from '#shared/facts/ner/model.ts';
import { decodeModel, encodeModel, readModelHeader } from '#shared/facts/ner/model-file.ts';
import { microF1Difference } from '../bench/f1-bootstrap.ts';
import {
  addCounts,
  pipelineCounts,
  pipelineDocumentCounts,
  taggerDocumentCounts,
} from '../bench/ner-pipeline.ts';
import {
  CONLL_DEV,
  CONLL_TRAIN,
  DEFAULT_OPTIONS,
  folds,
  type GoldDocument,
  GUM_DEV,
  readGold,
  type TrainOptions,
  trainModel,
  WORDNET_LISTS,
  type WordNetList,
} from './ner-training-data.ts';

const OUTPUT = new URL('../shared/facts/ner/models/ner.bin', import.meta.url);

/** A numeric option as a number, or exit: NaN epochs would train nothing and overwrite the model. */
function numberOption(name: string, value: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    console.error(`--${name} must be a number of at least ${min}, got "${value}"`);
    process.exit(2);
  }
  return number;
}

/** The `--wordnet` lists, or exit on a name that is not one. */
function wordNetOption(value: string): WordNetList[] {
  const names = value.split(',').filter((name) => name !== '');
  const known: readonly string[] = WORDNET_LISTS;
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`--wordnet takes ${WORDNET_LISTS.join(', ')}; got "${unknown.join(', ')}"`);
    process.exit(2);
  }
  return names as WordNetList[];
}

const percent = (value: number) => (value * 100).toFixed(2);

function describe(totals: Record<ScoredType, Counts>): string {
  const types = SCORED_TYPES.map((type) => `${type} ${percent(score(totals[type]).f1)}`).join(', ');
  return `${percent(score(microCounts(totals)).f1)} (${types})`;
}

type DocumentCounts = Record<string, Record<ScoredType, Counts>>;

interface CrossValidation {
  readonly k: number;
  readonly options: TrainOptions;
  readonly countsFile?: string;
  readonly compareFile?: string;
  /** Pruning thresholds whose committed-file models are scored at the last epoch (see `--prune`). */
  readonly prune: readonly number[];
}

/** The difference from saved counts on the documents both scored, per data set, with its interval. */
function compare(current: DocumentCounts, saved: DocumentCounts, against: string): void {
  for (const set of ['conll', 'gum']) {
    const ids = Object.keys(current).filter((id) => id.startsWith(`${set}:`) && saved[id] !== undefined);
    if (ids.length === 0) continue;
    const now = ids.map((id) => current[id] as Record<ScoredType, Counts>);
    const before = ids.map((id) => saved[id] as Record<ScoredType, Counts>);
    const { mean, low, high } = microF1Difference(now, before);
    const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(2)}`;
    console.log(
      `${set} (${ids.length} documents): micro F1 ${points(mean)} points against ${against} ` +
        `(paired bootstrap 95% interval ${points(low)} to ${points(high)})`,
    );
  }
}

/** Out-of-fold counts and sizes of the models as the file holds them, pruned at each threshold. */
interface PrunedRun {
  readonly threshold: number;
  readonly counts: DocumentCounts;
  features: number;
  bytes: number;
}

/**
 * Scores a fold's last-epoch weights as the committed file would hold them (quantised, features whose weights
 * all stay at or below the threshold dropped: `train:ner -- --threshold T`), read back from the file's bytes.
 */
function scorePruned(
  runs: readonly PrunedRun[],
  weights: ModelWeights,
  sets: readonly (readonly [string, readonly GoldDocument[], ...unknown[]])[],
): void {
  for (const run of runs) {
    const file = encodeModel(weights, run.threshold);
    const model = decodeModel(file);
    run.features += readModelHeader(file).featureCount;
    run.bytes += file.byteLength;
    for (const [set, documents] of sets) {
      taggerDocumentCounts(model, documents).forEach((counts, index) => {
        run.counts[`${set}:${documents[index]?.id}`] = counts;
      });
    }
  }
}

/** Each pruned model's out-of-fold F1, mean file size, and difference from the first (least pruned). */
function reportPruned(runs: readonly PrunedRun[], k: number, countsFile: string | undefined): void {
  const [first] = runs;
  for (const run of runs) {
    const totals = { conll: emptyCounts(), gum: emptyCounts() };
    for (const [id, counts] of Object.entries(run.counts)) {
      addCounts(id.startsWith('conll:') ? totals.conll : totals.gum, counts);
    }
    console.log(
      `pruned at ${run.threshold}: ${(run.features / k).toFixed(0)} features, ` +
        `${(run.bytes / k / 1e6).toFixed(2)} MB per fold model; CoNLL ${describe(totals.conll)}; ` +
        `GUM ${describe(totals.gum)}`,
    );
    if (first && run !== first) compare(run.counts, first.counts, `pruned at ${first.threshold}`);
    if (countsFile) writeFileSync(`${countsFile}.pruned-${run.threshold}`, JSON.stringify(run.counts));
  }
}

/** K-fold cross-validation on CoNLL train and GUM dev: out-of-fold pipeline F1 after every epoch. */
function crossValidate(conll: GoldDocument[], gum: GoldDocument[], run: CrossValidation): void {
  const { k, options } = run;
  const pruned: PrunedRun[] = run.prune.map((threshold) => ({
    threshold,
    counts: {},
    features: 0,
    bytes: 0,
  }));
  const conllFolds = folds(conll, k);
  const gumFolds = folds(gum, k);
  const byEpoch = Array.from({ length: options.epochs }, () => ({
    conll: emptyCounts(),
    gum: emptyCounts(),
  }));
  const lastEpoch: DocumentCounts = {};
  conllFolds.forEach((conllFold, fold) => {
    const gumFold = gumFolds[fold] ?? { train: [], test: [] };
    const started = performance.now();
    trainModel(conllFold.train, gumFold.train, options, (epoch, averaged) => {
      const weights = averaged();
      const totals = byEpoch[epoch - 1];
      if (!totals) return;
      const sets = [
        ['conll', conllFold.test, totals.conll],
        ['gum', gumFold.test, totals.gum],
      ] as const;
      for (const [set, documents, into] of sets) {
        pipelineDocumentCounts(weights, documents).forEach((counts, index) => {
          addCounts(into, counts);
          if (epoch === options.epochs) lastEpoch[`${set}:${documents[index]?.id}`] = counts;
        });
      }
      if (epoch === options.epochs) scorePruned(pruned, weights, sets);
    });
    console.log(`fold ${fold + 1}/${k} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  });
  console.log(`out-of-fold pipeline micro F1, ${k} folds (CoNLL train; GUM dev)`);
  byEpoch.forEach((totals, index) => {
    const web = gum.length > 0 ? `; GUM ${describe(totals.gum)}` : '';
    console.log(`epoch ${index + 1}: CoNLL ${describe(totals.conll)}${web}`);
  });
  if (run.countsFile) writeFileSync(run.countsFile, JSON.stringify(lastEpoch));
  if (run.compareFile) {
    compare(lastEpoch, JSON.parse(readFileSync(run.compareFile, 'utf8')) as DocumentCounts, run.compareFile);
  }
  reportPruned(pruned, k, run.countsFile);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: String(DEFAULT_OPTIONS.epochs) },
      seed: { type: 'string', default: String(DEFAULT_OPTIONS.seed) },
      threshold: { type: 'string', default: '0' },
      'min-count': { type: 'string', default: '1' },
      'gum-weight': { type: 'string', default: String(DEFAULT_OPTIONS.gumWeight) },
      'no-gum': { type: 'boolean', default: false },
      cv: { type: 'string' },
      out: { type: 'string' },
      history: { type: 'boolean', default: false },
      counts: { type: 'string' },
      compare: { type: 'string' },
      wordnet: { type: 'string', default: '' },
      prune: { type: 'string', default: '' },
      drop: { type: 'string', default: '' },
    },
  });
  const options: TrainOptions = {
    epochs: numberOption('epochs', values.epochs, 1),
    seed: numberOption('seed', values.seed, 0),
    minCount: numberOption('min-count', values['min-count'], 1),
    dropTemplates: values.drop.split(',').filter((template) => template !== ''),
    history: values.history,
    gumWeight: numberOption('gum-weight', values['gum-weight'], 1),
    wordNet: wordNetOption(values.wordnet),
  };
  const threshold = numberOption('threshold', values.threshold, 0);
  const started = performance.now();
  const conll = readGold(CONLL_TRAIN);
  if (conll === undefined) return;
  const gum = values['no-gum'] ? [] : (readGold(GUM_DEV) ?? []);
  console.log(
    `CoNLL train: ${conll.length} documents; GUM dev: ${gum.length} documents (x${options.gumWeight})`,
  );
  const prune = values.prune
    .split(',')
    .filter((value) => value !== '')
    .map((value) => numberOption('prune', value, 0));
  if (values.cv !== undefined) {
    crossValidate(conll, gum, {
      k: numberOption('cv', values.cv, 2),
      options,
      ...(values.counts ? { countsFile: values.counts } : {}),
      ...(values.compare ? { compareFile: values.compare } : {}),
      prune,
    });
    return;
  }
  const weights = trainModel(conll, gum, options);
  const file = encodeModel(weights, threshold);
  const output = values.out ? new URL(values.out, `file://${process.cwd()}/`) : OUTPUT;
  writeFileSync(output, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `wrote ${output.pathname}: ${readModelHeader(file).featureCount} of ${weights.features.length} features, ` +
      `${(file.byteLength / 1e6).toFixed(2)} MB, ${seconds} s`,
  );
  const dev = readGold(CONLL_DEV);
  if (dev) console.log(`CoNLL dev (untouched), pipeline micro F1 ${describe(pipelineCounts(weights, dev))}`);
  for (const pruneAt of prune)
    writePruned(weights, pruneAt, new URL(`${output.href}.pruned-${pruneAt}`), dev);
}

/** With `--prune` (no `--cv`): the same weights pruned at a threshold, beside the model file, for comparison. */
function writePruned(weights: ModelWeights, threshold: number, output: URL, dev: GoldDocument[] | undefined) {
  const file = encodeModel(weights, threshold);
  writeFileSync(output, file);
  const totals = emptyCounts();
  for (const counts of taggerDocumentCounts(decodeModel(file), dev ?? [])) addCounts(totals, counts);
  console.log(
    `wrote ${output.pathname}: ${readModelHeader(file).featureCount} features, ` +
      `${(file.byteLength / 1e6).toFixed(2)} MB${dev ? `; CoNLL dev (untouched) ${describe(totals)}` : ''}`,
  );
}

main();
