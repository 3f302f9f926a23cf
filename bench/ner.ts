/**
 * NER benchmark, precis against compromise, with the metric of shared/data/README.md (per document, the
 * multiset of (type, folded lowercased surface); PER/ORG/LOC; MISC ignored):
 * - CoNLL-2003 dev (eng.testa), never used for a choice: the tagger alone and the whole pipeline
 *   (`processArticle` on the text as the CLI sends it: what ../shared/tools/dev-report scores);
 * - GUM dev (modern web text): the committed model was trained on it, so its figure is out-of-fold: five
 *   models, each trained on CoNLL train and four fifths of GUM (document i in fold i mod 5), each scored
 *   through the pipeline on the fifth it did not see (`--no-oof` skips the five trainings; `--fold-models DIR`
 *   keeps the five models in DIR and reuses them, for pipeline changes).
 * `--save-scores FILE` keeps each document's pipeline counts (CoNLL dev, GUM out-of-fold); `--baseline FILE`
 * prints the difference from such a run (an earlier commit) with its paired bootstrap 95% interval.
 * Then tagging speed on one core, model file size and load time (`--speed-only`: these rows alone, after
 * the first pass's speed and warm-up passes).
 * Data: ../shared/data/ner (never copied into the repo).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import {
  type Counts,
  countDocument,
  emptyCounts,
  microCounts,
  SCORED_TYPES,
  type ScoredType,
  type Surface,
  score,
} from '#shared/facts/ner/evaluate.ts';
import { modelFromWeights, tagWithModel } from '#shared/facts/ner/model.ts';
import { decodeModel, readModelHeader } from '#shared/facts/ner/model-file.ts';
import { loadNerModel, tagEntities } from '#shared/facts/ner/tag-entities.ts';
import type { TypedSpan } from '#shared/facts/ner/tags.ts';
import { tokenize } from '#shared/facts/ner/tokenize.ts';
import { processArticle } from '#shared/process-article.ts';
import type { EntityType } from '#shared/result.ts';
import {
  CONLL_TRAIN,
  DEFAULT_OPTIONS,
  folds,
  type GoldDocument,
  GUM_DEV,
  readGold,
  trainModel,
} from '../scripts/ner-training-data.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { microF1Difference } from './f1-bootstrap.ts';
import { foldModel } from './ner-fold-models.ts';
import { addCounts, pipelineDocumentCounts } from './ner-pipeline.ts';

interface Document {
  readonly id: string;
  readonly text: string;
  readonly entities: readonly (TypedSpan & { readonly text: string })[];
}

type Tagger = (text: string) => Surface[];

const DATA = 'ner/conll2003-dev.jsonl';
const MODEL = new URL('../shared/facts/ner/models/ner.bin', import.meta.url);
const SPEED_ROUNDS = 3;
/**
 * Passes over CoNLL dev before timing under `--speed-only`, where nothing ran the tagger before: the full
 * benchmark has tagged the set twice (pipeline, tagger) when it times it, and V8 takes about four passes to
 * reach its steady speed.
 */
const WARM_UP_ROUNDS = 4;
const GUM_FOLDS = 5;
const PIPELINE_TYPES: Partial<Record<EntityType, ScoredType>> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
};
const LOAD_ROUNDS = 5;
const COMPROMISE_TAGS: ReadonlyArray<[ScoredType, string]> = [
  ['PER', '#Person+'],
  ['ORG', '#Organization+'],
  ['LOC', '#Place+'],
];
const TRAILING_PUNCTUATION = /[.,;:!?"”)]+$/u;
const POSSESSIVE = /\s*['’]s$/u;

const precis: Tagger = (text) => tagEntities(text);

const compromise: Tagger = (text) => {
  const doc = nlp(text);
  return COMPROMISE_TAGS.flatMap(([type, tag]) =>
    (doc.match(tag).out('array') as string[])
      .map((surface) => surface.trim().replace(TRAILING_PUNCTUATION, '').replace(POSSESSIVE, ''))
      .filter((surface) => surface !== '')
      .map((surface) => ({ type, text: surface })),
  );
};

type DocumentCounts = Record<ScoredType, Counts>;

function evaluate(documents: readonly Document[], tagger: Tagger): DocumentCounts {
  const totals = emptyCounts();
  for (const document of documents) countDocument(totals, document.entities, tagger(document.text));
  return totals;
}

/** Each document's counts, keyed `set:id`, added into `scores`; their sum. */
function perDocument(
  set: string,
  documents: readonly { readonly id: string }[],
  counts: readonly DocumentCounts[],
  scores: Record<string, DocumentCounts>,
): DocumentCounts {
  const totals = emptyCounts();
  counts.forEach((document, index) => {
    addCounts(totals, document);
    scores[`${set}:${documents[index]?.id}`] = document;
  });
  return totals;
}

/** The difference from a saved run on the documents both scored, per set, with its paired interval. */
function compareWith(scores: Record<string, DocumentCounts>, file: string): void {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, DocumentCounts>;
  const points = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(2)}`;
  for (const set of ['conll-dev', 'gum-oof']) {
    const ids = Object.keys(scores).filter((id) => id.startsWith(`${set}:`) && saved[id] !== undefined);
    if (ids.length === 0) continue;
    const { mean, low, high } = microF1Difference(
      ids.map((id) => scores[id] as DocumentCounts),
      ids.map((id) => saved[id] as DocumentCounts),
    );
    console.log(
      `${set} (${ids.length} documents), pipeline micro F1 ${points(mean)} points against ${file} ` +
        `(paired bootstrap 95% interval ${points(low)} to ${points(high)})`,
    );
  }
}

const percent = (value: number) => (value * 100).toFixed(2).padStart(6);

function printTable(results: ReadonlyArray<[string, Record<ScoredType, Counts>]>): void {
  console.log('system        type     P       R       F1      TP    FP    FN');
  for (const [name, totals] of results) {
    const rows: Array<[string, Counts]> = [...SCORED_TYPES.map((t) => [t, totals[t]] as [string, Counts])];
    rows.push(['micro', microCounts(totals)]);
    for (const [type, counts] of rows) {
      const { precision, recall, f1 } = score(counts);
      console.log(
        `${name.padEnd(13)} ${type.padEnd(5)} ${percent(precision)}  ${percent(recall)}  ${percent(f1)}  ` +
          `${String(counts.tp).padStart(5)} ${String(counts.fp).padStart(5)} ${String(counts.fn).padStart(5)}`,
      );
    }
  }
}

/** Tokens per second of CPU time (user + system) of this process, best of `rounds`: one core. */
function measureSpeed(documents: readonly Document[], rounds = SPEED_ROUNDS): number {
  const tokens = documents.reduce((sum, document) => sum + tokenize(document.text).length, 0);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round += 1) {
    const started = process.cpuUsage();
    for (const document of documents) tagEntities(document.text);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return tokens / best;
}

function measureLoad(): { read: number; decode: number } {
  let read = Number.POSITIVE_INFINITY;
  let decode = Number.POSITIVE_INFINITY;
  for (let round = 0; round < LOAD_ROUNDS; round += 1) {
    const started = process.cpuUsage();
    const file = readFileSync(MODEL);
    const readDone = process.cpuUsage(started);
    decodeModel(file);
    const decoded = process.cpuUsage(started);
    read = Math.min(read, (readDone.user + readDone.system) / 1000);
    decode = Math.min(decode, (decoded.user + decoded.system - readDone.user - readDone.system) / 1000);
  }
  return { read, decode };
}

/** The whole pipeline as the CLI runs it on a JSONL `text` line: what dev-report scores. */
const pipeline: Tagger = (text) => {
  const bytes = new TextEncoder().encode(text);
  const result = processArticle({
    id: 'bench',
    bytes,
    source: { contentType: 'text/plain; charset=utf-8', bytes: bytes.byteLength },
  });
  return result.facts.entities.flatMap((entity) => {
    const type = PIPELINE_TYPES[entity.type];
    if (type === undefined) return [];
    return entity.mentions.map((mention) => ({ type, text: result.text.slice(mention.start, mention.end) }));
  });
};

/**
 * GUM out-of-fold: each fold's model trained on CoNLL train and the other GUM folds, with the committed
 * options, scored through the pipeline and alone on the fold it did not see.
 */
function gumOutOfFold(
  gum: readonly GoldDocument[],
  modelsDir: string | undefined,
  scores: Record<string, DocumentCounts>,
) {
  const conll = readGold(CONLL_TRAIN);
  if (conll === undefined) return undefined;
  const pipelineTotals = emptyCounts();
  const taggerTotals = emptyCounts();
  folds(gum, GUM_FOLDS).forEach((fold, index) => {
    const weights = foldModel(modelsDir, index, () => trainModel(conll, fold.train, DEFAULT_OPTIONS));
    addCounts(
      pipelineTotals,
      perDocument('gum-oof', fold.test, pipelineDocumentCounts(weights, fold.test), scores),
    );
    const model = modelFromWeights(weights);
    addCounts(
      taggerTotals,
      evaluate(fold.test, (text) => tagWithModel(model, text)),
    );
    console.log(`GUM fold ${index + 1}/${GUM_FOLDS} trained and scored`);
  });
  return { pipeline: pipelineTotals, tagger: taggerTotals };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'no-oof': { type: 'boolean', default: false },
      'speed-only': { type: 'boolean', default: false },
      'fold-models': { type: 'string' },
      'save-scores': { type: 'string' },
      baseline: { type: 'string' },
    },
  });
  const scores: Record<string, DocumentCounts> = {};
  const documents = readEvaluationData<Document>(DATA);
  if (documents === undefined) return;
  const tokens = documents.reduce((sum, document) => sum + tokenize(document.text).length, 0);
  console.log(
    `CoNLL-2003 dev (never tuned on): ${documents.length} documents, ${tokens} tokens; PER/ORG/LOC, MISC ignored`,
  );
  const firstLoad = performance.now();
  loadNerModel();
  const firstLoadMs = performance.now() - firstLoad;
  if (values['speed-only']) {
    const first = measureSpeed(documents, 1);
    console.log(
      `tagger speed, first pass of a fresh process: ${Math.round(first).toLocaleString('en')} tokens/s`,
    );
    measureSpeed(documents, WARM_UP_ROUNDS - 1);
    printSpeed(documents, firstLoadMs);
    return;
  }
  printTable([
    [
      'pipeline',
      perDocument(
        'conll-dev',
        documents,
        documents.map((document) => evaluate([document], pipeline)),
        scores,
      ),
    ],
    ['tagger', evaluate(documents, precis)],
    ['compromise', evaluate(documents, compromise)],
  ]);
  const gum = readGold(GUM_DEV);
  if (gum) {
    console.log(`\nGUM dev (modern web text): ${gum.length} documents`);
    const outOfFold = values['no-oof'] ? undefined : gumOutOfFold(gum, values['fold-models'], scores);
    const rows: [string, Record<ScoredType, Counts>][] = outOfFold
      ? [
          ['pipeline OOF', outOfFold.pipeline],
          ['tagger OOF', outOfFold.tagger],
        ]
      : [];
    printTable([...rows, ['compromise', evaluate(gum, compromise)]]);
    console.log('(the committed model was trained on GUM dev: only the out-of-fold row measures it there)');
  }
  if (values['save-scores']) writeFileSync(values['save-scores'], JSON.stringify(scores));
  if (values.baseline) compareWith(scores, values.baseline);
  printSpeed(documents, firstLoadMs);
}

/** The speed and model rows: tokens per CPU second of the tagger alone, model size and load time. */
function printSpeed(documents: readonly Document[], firstLoadMs: number): void {
  const speed = measureSpeed(documents);
  const load = measureLoad();
  const meta = decodeModelMeta();
  console.log(
    `tagger speed: ${Math.round(speed).toLocaleString('en')} tokens/s (CPU time on one core, best of ${SPEED_ROUNDS})`,
  );
  console.log(
    `model: ${(statSync(MODEL).size / 1e6).toFixed(2)} MB (${meta}); load: first ${firstLoadMs.toFixed(0)} ms wall, ` +
      `read ${load.read.toFixed(0)} ms + decode ${load.decode.toFixed(0)} ms CPU (best of ${LOAD_ROUNDS})`,
  );
}

function decodeModelMeta(): string {
  const file = readModelHeader(readFileSync(MODEL));
  return `${file.featureCount.toLocaleString('en')} features, ${file.tags.length} tags`;
}

main();
