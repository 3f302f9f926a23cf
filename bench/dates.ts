/**
 * Dates benchmark: the whole pipeline (processArticle on a JSON article {text, publishedAt}, as
 * `../shared/tools/dev-report dates` feeds it) on TempEval-3 TBAQ, scored as ../shared/tools/score/timex_score.py
 * scores it (DATE type only; see timex-score.ts). chrono-node, the common JavaScript date parser, runs in the
 * same run on the pipeline's cleaned text with the same reference date, as the peer.
 * Data: ../shared/data/dates/tempeval3-tbaq.jsonl (never copied into the repo).
 *
 * The documents are split once, by a hash of their id, into a development part (the rules were written
 * looking at its errors) and a held-out part (never looked at while writing rules); both are printed, with
 * 95% bootstrap intervals over documents. `npm run bench:dates -- --errors FILE` writes the development
 * part's misses and false alarms to FILE (never the held-out part's); `--predictions FILE` every development
 * prediction with its verdict (right, wrong, no value, false alarm and the gold timex it overlaps, if any) and
 * each miss, to count a kind of phrase's record. `--save-scores FILE` writes each
 * document's counts; `--baseline FILE` (counts saved from an earlier commit) prints the change in value F1
 * on each split with a paired bootstrap interval (the same documents resampled for both). `--dev-only` prints
 * the development part alone (no held-out or all-documents figure), for use while writing rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as chrono from 'chrono-node';
import { processArticle } from '#shared/process-article.ts';
import { seededRandom } from './bootstrap.ts';
import { isHeldOut } from './date-split.ts';
import { readEvaluationData } from './evaluation-data.ts';
import {
  addCounts,
  type Counts,
  type DocumentScore,
  emptyCounts,
  figures,
  type GoldTimex,
  type PredictedDate,
  SHAPES,
  scoreDocument,
  shapeOf,
  valueAccuracy,
} from './timex-score.ts';

interface Document {
  readonly id: string;
  readonly dct: string;
  readonly text: string;
  readonly timexes: readonly GoldTimex[];
}

interface Scored {
  readonly document: Document;
  readonly score: DocumentScore;
}

const DATA = 'dates/tempeval3-tbaq.jsonl';
const BOOTSTRAP_ROUNDS = 1000;

function runPipeline(document: Document): { text: string; dates: PredictedDate[] } {
  const bytes = new TextEncoder().encode(JSON.stringify({ text: document.text, publishedAt: document.dct }));
  const result = processArticle({
    id: document.id,
    bytes,
    source: { bytes: bytes.byteLength, key: `${document.id}.json` },
  });
  return { text: result.text, dates: [...result.facts.dates] };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * chrono-node's dates, each valued at the precision it was sure of: a day when it knew the day (or a weekday,
 * or nothing at all, as for "today"), else a month, else a year.
 */
function chronoDates(text: string, dct: string): PredictedDate[] {
  return chrono.parse(text, { instant: new Date(`${dct}T12:00:00Z`), timezone: 0 }).map((result) => {
    const { start } = result;
    const [year, month, day] = [start.get('year'), start.get('month') ?? 1, start.get('day') ?? 1];
    const knowsDay = start.isCertain('day') || start.isCertain('weekday');
    const knowsNothing = !start.isCertain('month') && !start.isCertain('year');
    let value = String(year);
    if (knowsDay || knowsNothing) value = `${year}-${pad(month)}-${pad(day)}`;
    else if (start.isCertain('month')) value = `${year}-${pad(month)}`;
    return { start: result.index, end: result.index + result.text.length, value };
  });
}

function total(scored: readonly Scored[]): Counts {
  const counts = emptyCounts();
  for (const { score } of scored) addCounts(counts, score.counts);
  return counts;
}

function valueF1(counts: Counts): number {
  return figures(counts.valueCorrect, counts.predicted, counts.gold).f1;
}

/**
 * 95% interval of a statistic over documents resampled with replacement: value F1 of one system, or the
 * difference between two systems' value F1 on the same resampled documents (paired).
 */
function bootstrap<T>(items: readonly T[], statistic: (sample: T[]) => number): [number, number] {
  const next = seededRandom(20_240_601);
  const samples: number[] = [];
  for (let round = 0; round < BOOTSTRAP_ROUNDS; round++) {
    const sample: T[] = [];
    for (let i = 0; i < items.length; i++) {
      const pick = items[Math.floor(next() * items.length)];
      if (pick !== undefined) sample.push(pick);
    }
    samples.push(statistic(sample));
  }
  samples.sort((a, b) => a - b);
  return [
    samples[Math.floor(0.025 * BOOTSTRAP_ROUNDS)] ?? 0,
    samples[Math.floor(0.975 * BOOTSTRAP_ROUNDS)] ?? 0,
  ];
}

function valueF1Of(counts: readonly Counts[]): number {
  const sum = emptyCounts();
  for (const each of counts) addCounts(sum, each);
  return valueF1(sum);
}

const fixed = (value: number) => value.toFixed(4);

function printSplits(system: string, splits: ReadonlyArray<[string, readonly Scored[]]>): void {
  for (const [name, scored] of splits) {
    const counts = total(scored);
    const relaxed = figures(counts.relaxed, counts.predicted, counts.gold);
    const strict = figures(counts.strict, counts.predicted, counts.gold);
    const value = figures(counts.valueCorrect, counts.predicted, counts.gold);
    const [low, high] = bootstrap(scored, (sample) => valueF1Of(sample.map(({ score }) => score.counts)));
    console.log(
      `${system.padEnd(12)} ${name.padEnd(9)} ${String(scored.length).padStart(5)} ${String(counts.gold).padStart(5)} ` +
        `${String(counts.predicted).padStart(5)}   ${fixed(relaxed.precision)}/${fixed(relaxed.recall)}/${fixed(relaxed.f1)}` +
        `  ${fixed(strict.f1)}     ${fixed(valueAccuracy(counts))}     ${fixed(value.precision)}/${fixed(value.recall)}/` +
        `${fixed(value.f1)} [${fixed(low)}, ${fixed(high)}]`,
    );
  }
}

function printShapes(scored: readonly Scored[], which: string): void {
  const rows = new Map<string, { gold: number; found: number; right: number; predicted: number }>();
  const row = (shape: string) => {
    let existing = rows.get(shape);
    if (!existing) {
      existing = { gold: 0, found: 0, right: 0, predicted: 0 };
      rows.set(shape, existing);
    }
    return existing;
  };
  for (const [shape] of [...SHAPES, ['other']]) row(shape ?? 'other');
  for (const { score } of scored) {
    for (const { gold, found, valueRight, predicted } of score.golds) {
      const entry = row(shapeOf(gold.value));
      entry.gold += 1;
      if (found) entry.found += 1;
      if (valueRight) entry.right += 1;
      if (predicted) row(shapeOf(predicted.value)).predicted += 1;
    }
    for (const spurious of score.spurious) row(shapeOf(spurious.value)).predicted += 1;
  }
  console.log(`\nby gold value shape (${which}): found = a prediction overlaps it; right = with its value`);
  console.log('shape            gold  found  right   recall  value recall   predicted with this shape');
  for (const [shape, { gold, found, right, predicted }] of rows) {
    console.log(
      `${shape.padEnd(15)} ${String(gold).padStart(5)} ${String(found).padStart(6)} ${String(right).padStart(6)}   ` +
        `${fixed(gold ? found / gold : 0)}  ${fixed(gold ? right / gold : 0)}       ${String(predicted).padStart(5)}`,
    );
  }
}

type SavedCounts = Counts & { readonly id: string };

/** The change in value F1 from the baseline's counts to these, per split, with a paired bootstrap interval. */
function printChange(
  scored: readonly Scored[],
  baseline: ReadonlyMap<string, Counts>,
  devOnly: boolean,
): void {
  console.log(
    '\nchange from the baseline (same documents): value F1 before -> after, difference [95% paired CI]',
  );
  const splits: Array<[string, (id: string) => boolean]> = [
    ['dev', (id) => !isHeldOut(id)],
    ['held-out', isHeldOut],
    ['all', () => true],
  ];
  for (const [name, inSplit] of devOnly ? splits.slice(0, 1) : splits) {
    const pairs = scored
      .filter(({ document }) => inSplit(document.id) && baseline.has(document.id))
      .map(({ document, score }) => [baseline.get(document.id) ?? emptyCounts(), score.counts] as const);
    const change = (sample: ReadonlyArray<readonly [Counts, Counts]>) =>
      valueF1Of(sample.map(([, after]) => after)) - valueF1Of(sample.map(([before]) => before));
    const [low, high] = bootstrap(pairs, change);
    const before = valueF1Of(pairs.map(([counts]) => counts));
    const after = valueF1Of(pairs.map(([, counts]) => counts));
    const signed = (value: number) => `${value >= 0 ? '+' : ''}${fixed(value)}`;
    console.log(
      `${name.padEnd(9)} ${String(pairs.length).padStart(4)} docs   ${fixed(before)} -> ${fixed(after)}   ` +
        `${signed(after - before)} [${signed(low)}, ${signed(high)}]`,
    );
  }
}

function readBaseline(file: string): Map<string, Counts> {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SavedCounts);
  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}

function describeErrors(scored: readonly Scored[]): string {
  const lines: string[] = [];
  for (const { document, score } of scored) {
    for (const { gold, found, valueRight, predicted } of score.golds) {
      if (valueRight) continue;
      const context = document.text.slice(Math.max(0, gold.start - 60), gold.end + 40).replace(/\s+/g, ' ');
      const what = found
        ? `WRONG  ${JSON.stringify(document.text.slice(predicted?.start, predicted?.end))} -> ${predicted?.value}`
        : 'MISSED';
      lines.push(
        `${document.id} dct ${document.dct}\t${what}\tgold ${JSON.stringify(gold.text)} = ${gold.value}\t… ${context} …`,
      );
    }
    for (const spurious of score.spurious) {
      const context = document.text
        .slice(Math.max(0, spurious.start - 60), spurious.end + 40)
        .replace(/\s+/g, ' ');
      const text = spurious.start < 0 ? '(unplaced)' : document.text.slice(spurious.start, spurious.end);
      lines.push(
        `${document.id} dct ${document.dct}\tFALSE  ${JSON.stringify(text)} -> ${spurious.value}\t… ${context} …`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Every development prediction with what the gold says of it: RIGHT, WRONG (or NOVALUE) with the gold value, FALSE. */
function describePredictions(scored: readonly Scored[]): string {
  const lines: string[] = [];
  for (const { document, score } of scored) {
    const rows: Array<[number, string]> = [];
    const context = (start: number, end: number) =>
      document.text.slice(Math.max(0, start - 60), end + 40).replace(/\s+/g, ' ');
    for (const { gold, valueRight, predicted } of score.golds) {
      if (!predicted) {
        rows.push([
          gold.start,
          `MISSED\t${JSON.stringify(gold.text)}\tgold ${gold.value}\t… ${context(gold.start, gold.end)} …`,
        ]);
        continue;
      }
      const status = valueRight ? 'RIGHT' : predicted.value === '' ? 'NOVALUE' : 'WRONG';
      const text = document.text.slice(predicted.start, predicted.end);
      rows.push([
        predicted.start,
        `${status}\t${JSON.stringify(text)} -> ${predicted.value}\tgold ${gold.value}\t… ${context(predicted.start, predicted.end)} …`,
      ]);
    }
    for (const spurious of score.spurious) {
      const text = spurious.start < 0 ? '(unplaced)' : document.text.slice(spurious.start, spurious.end);
      // what the gold has there instead: another DATE that a longer prediction took, or a DURATION or SET
      const under = document.timexes.find(
        (timex) => timex.start < spurious.end && timex.end > spurious.start && spurious.start >= 0,
      );
      rows.push([
        spurious.start,
        `FALSE${under ? ` (gold ${under.type} ${JSON.stringify(under.text)} = ${under.value})` : ''}\t${JSON.stringify(text)} -> ${spurious.value}\tgold -\t… ${context(spurious.start, spurious.end)} …`,
      ]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    for (const [, row] of rows) lines.push(`${document.id} dct ${document.dct}\t${row}`);
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      errors: { type: 'string' },
      predictions: { type: 'string' },
      'save-scores': { type: 'string' },
      baseline: { type: 'string' },
      'dev-only': { type: 'boolean', default: false },
    },
  });
  const documents = readEvaluationData<Document>(DATA);
  if (!documents) return;
  const started = performance.now();
  const runs = documents.map((document) => ({ document, ...runPipeline(document) }));
  const seconds = (performance.now() - started) / 1000;
  const systems: Array<[string, Scored[]]> = [
    [
      'precis',
      runs.map(({ document, text, dates }) => ({
        document,
        score: scoreDocument(document.text, document.timexes, text, dates),
      })),
    ],
    [
      'chrono-node',
      runs.map(({ document, text }) => ({
        document,
        score: scoreDocument(document.text, document.timexes, text, chronoDates(text, document.dct)),
      })),
    ],
  ];
  console.log('TempEval-3 TBAQ, DATE type, whole pipeline (processArticle, the DCT as publishedAt)');
  console.log(
    'system       split      docs  gold  pred   relaxed P/R/F1          strict F1  value acc  value P/R/F1 [95% CI]',
  );
  const devOnly = values['dev-only'] ?? false;
  for (const [system, scored] of systems) {
    const development = scored.filter(({ document }) => !isHeldOut(document.id));
    const heldOut = scored.filter(({ document }) => isHeldOut(document.id));
    printSplits(
      system,
      devOnly
        ? [['dev', development]]
        : [
            ['dev', development],
            ['held-out', heldOut],
            ['all', scored],
          ],
    );
  }
  const scored = systems[0]?.[1] ?? [];
  const development = scored.filter(({ document }) => !isHeldOut(document.id));
  printShapes(devOnly ? development : scored, devOnly ? 'development documents' : 'all documents');
  console.log(`\n${documents.length} documents through processArticle in ${seconds.toFixed(1)} s`);
  if (values.baseline) printChange(scored, readBaseline(values.baseline), devOnly);
  if (values['save-scores']) {
    const rows = scored.map(({ document, score }) => JSON.stringify({ id: document.id, ...score.counts }));
    writeFileSync(values['save-scores'], `${rows.join('\n')}\n`);
    console.log(`per-document counts written to ${values['save-scores']}`);
  }
  if (values.errors) {
    writeFileSync(values.errors, describeErrors(development));
    console.log(`development errors written to ${values.errors}`);
  }
  if (values.predictions) {
    writeFileSync(values.predictions, describePredictions(development));
    console.log(`development predictions written to ${values.predictions}`);
  }
}

if (process.argv[1]?.endsWith('dates.ts')) main();
