/**
 * NER benchmark: precis's tagger against compromise on CoNLL-2003 dev (eng.testa), with the metric of
 * shared/data/README.md (per document, multiset of (type, folded lowercased surface); PER/ORG/LOC; MISC
 * ignored), plus tagging speed on one core, model file size and load time.
 * Data: ../shared/data/ner/conll2003-dev.jsonl (never copied into the repo).
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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
import { decodeModel, type ModelFile } from '#shared/facts/ner/model.ts';
import { loadNerModel, tagEntities } from '#shared/facts/ner/tag-entities.ts';
import type { TypedSpan } from '#shared/facts/ner/tags.ts';
import { tokenize } from '#shared/facts/ner/tokenize.ts';
import { readEvaluationData } from './evaluation-data.ts';

interface Document {
  readonly id: string;
  readonly text: string;
  readonly entities: readonly (TypedSpan & { readonly text: string })[];
}

type Tagger = (text: string) => Surface[];

const DATA = 'ner/conll2003-dev.jsonl';
const MODEL = new URL('../shared/facts/ner/models/ner.json', import.meta.url);
const SPEED_ROUNDS = 3;
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

function evaluate(documents: readonly Document[], tagger: Tagger): Record<ScoredType, Counts> {
  const totals = emptyCounts();
  for (const document of documents) countDocument(totals, document.entities, tagger(document.text));
  return totals;
}

const percent = (value: number) => (value * 100).toFixed(2).padStart(6);

function printTable(results: ReadonlyArray<[string, Record<ScoredType, Counts>]>): void {
  console.log('system      type     P       R       F1      TP    FP    FN');
  for (const [name, totals] of results) {
    const rows: Array<[string, Counts]> = [...SCORED_TYPES.map((t) => [t, totals[t]] as [string, Counts])];
    rows.push(['micro', microCounts(totals)]);
    for (const [type, counts] of rows) {
      const { precision, recall, f1 } = score(counts);
      console.log(
        `${name.padEnd(11)} ${type.padEnd(5)} ${percent(precision)}  ${percent(recall)}  ${percent(f1)}  ` +
          `${String(counts.tp).padStart(5)} ${String(counts.fp).padStart(5)} ${String(counts.fn).padStart(5)}`,
      );
    }
  }
}

/** Tokens per second of CPU time (user + system) of this process, best of SPEED_ROUNDS: one core. */
function measureSpeed(documents: readonly Document[]): number {
  const tokens = documents.reduce((sum, document) => sum + tokenize(document.text).length, 0);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < SPEED_ROUNDS; round += 1) {
    const started = process.cpuUsage();
    for (const document of documents) tagEntities(document.text);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return tokens / best;
}

function measureLoad(): { parse: number; decode: number } {
  let parse = Number.POSITIVE_INFINITY;
  let decode = Number.POSITIVE_INFINITY;
  for (let round = 0; round < LOAD_ROUNDS; round += 1) {
    const text = readFileSync(MODEL, 'utf8');
    const started = process.cpuUsage();
    const file = JSON.parse(text) as ModelFile;
    const parsed = process.cpuUsage(started);
    decodeModel(file);
    const decoded = process.cpuUsage(started);
    parse = Math.min(parse, (parsed.user + parsed.system) / 1000);
    decode = Math.min(decode, (decoded.user + decoded.system - parsed.user - parsed.system) / 1000);
  }
  return { parse, decode };
}

function main(): void {
  const documents = readEvaluationData<Document>(DATA);
  if (documents === undefined) return;
  const tokens = documents.reduce((sum, document) => sum + tokenize(document.text).length, 0);
  console.log(`CoNLL-2003 dev: ${documents.length} documents, ${tokens} tokens; PER/ORG/LOC, MISC ignored`);
  const firstLoad = performance.now();
  loadNerModel();
  const firstLoadMs = performance.now() - firstLoad;
  printTable([
    ['precis', evaluate(documents, precis)],
    ['compromise', evaluate(documents, compromise)],
  ]);
  const speed = measureSpeed(documents);
  const load = measureLoad();
  const meta = decodeModelMeta();
  console.log(
    `precis speed: ${Math.round(speed).toLocaleString('en')} tokens/s (CPU time on one core, best of ${SPEED_ROUNDS})`,
  );
  console.log(
    `model: ${(statSync(MODEL).size / 1e6).toFixed(2)} MB (${meta}); load: first ${firstLoadMs.toFixed(0)} ms wall, ` +
      `JSON.parse ${load.parse.toFixed(0)} ms + decode ${load.decode.toFixed(0)} ms CPU (best of ${LOAD_ROUNDS})`,
  );
}

function decodeModelMeta(): string {
  const file = JSON.parse(readFileSync(MODEL, 'utf8')) as ModelFile;
  return `${file.featureCount.toLocaleString('en')} features, ${file.tags.length} tags`;
}

main();
