/**
 * Summary benchmark on the 268 CNN/DailyMail test articles of ../shared/data/summaries (cnndm-dev 75 +
 * cnndm-more 193), every summary made by processArticle exactly as `precis process --jsonl … --sentences 3`
 * makes it (so the in-sample line agrees with ../shared/tools/dev-report summaries), scored as the checker's
 * rouge.py scores it.
 *
 * - Out-of-fold (the figures that count): 5 folds fixed by id; each fold is summarised by a word model trained
 *   (scripts/summary-training.ts, every constant included) on the other four.
 * - In-sample: the committed model, trained on all 268.
 * - Paired 95% bootstrap intervals of precis minus Lead-3 (the first three sentences of the same cleaned text).
 * - The stored systems on the 75 articles that have them; dangling openers; real-page shares (summary-pages.ts).
 *
 * - `--save FILE` writes each article's out-of-fold scores; `--against FILE` prints the paired interval of this
 *   tree minus a saved run (a change to the summariser is judged this way against the landed one).
 *
 * Run: npm run bench:summary [-- --outside FILE] [-- --save FILE] [-- --against FILE]
 *   (--outside: what fell outside the body on real pages)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Result } from '#shared/result.ts';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { summarise } from '#shared/summarise/summarise.ts';
import type { SummaryModel } from '#shared/summarise/word-model.ts';
import { type SummaryRecord, trainingArticle, trainSummaryModel } from '../scripts/summary-training.ts';
import { pairedBootstrap } from './bootstrap.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { FOLDS, foldOf } from './folds.ts';
import { type RougeScores, scoreSummary, splitReference } from './rouge.ts';
import { danglingSentences } from './summary-checks.ts';
import { measurePages, resultOfLine } from './summary-pages.ts';

interface Record extends SummaryRecord {
  /** cnndm-dev for the first file; summeval or realsumm in the second. */
  readonly source?: string;
  readonly systems?: Readonly<{ [system: string]: string }>;
}

const DATA = ['summaries/cnndm-dev.jsonl', 'summaries/cnndm-more.jsonl'] as const;
const SENTENCES = 3;
const STORED_SYSTEMS = ['bart', 'bert_sum', 'bus', 'pgn', 's2s'] as const;
const METRICS = ['R1', 'R2', 'RLsum'] as const;
const TIMING_PASSES = 5;

type Triple = [number, number, number];
const triple = (scores: RougeScores): Triple => [scores.rouge1.f1, scores.rouge2.f1, scores.rougeLsum.f1];
const column = (rows: readonly Triple[], metric: number) => rows.map((row) => 100 * row[metric as 0 | 1 | 2]);
const meanOf = (values: readonly number[]) =>
  values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

function loadRecords(): Record[] | undefined {
  const records: Record[] = [];
  for (const file of DATA) {
    const lines = readEvaluationData<Record>(file);
    if (lines === undefined) return undefined;
    const isDev = file === DATA[0];
    records.push(...lines.map((line) => ({ ...line, source: isDev ? 'cnndm-dev' : (line.source ?? file) })));
  }
  return records;
}

function summaryOf(record: Record, index: number, model?: SummaryModel): Result {
  const options = { sentences: SENTENCES, ...(model === undefined ? {} : { summaryModel: model }) };
  const result = resultOfLine({ id: record.id, text: record.article }, index + 1, options);
  if (result === undefined) throw new Error(`line ${index + 1} (${record.id}) is not a valid input`);
  return result;
}

/** Each article summarised by the model trained on the folds it is not in. */
function outOfFold(records: readonly Record[]): Result[] {
  const articles = records.map(trainingArticle);
  const results: Result[] = new Array(records.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainSummaryModel(articles.filter((article) => foldOf(article.id) !== fold));
    console.error(`fold ${fold + 1}/${FOLDS}: lead window ${model.leadWindow}`);
    records.forEach((record, index) => {
      if (foldOf(record.id) === fold) results[index] = summaryOf(record, index, model);
    });
  }
  return results;
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function printTable(
  title: string,
  systems: readonly [string, readonly Triple[]][],
  lead3: readonly Triple[],
) {
  console.log(`\n${title}`);
  console.log(row(['system', ...METRICS]));
  console.log(row(['---', ...METRICS.map(() => '---:')]));
  for (const [name, scores] of systems) {
    console.log(row([name, ...METRICS.map((_, m) => meanOf(column(scores, m)).toFixed(2))]));
  }
  const [first] = systems;
  if (first === undefined) return;
  const intervals = METRICS.map((_, m) => pairedBootstrap(column(first[1], m), column(lead3, m)));
  console.log(
    row([
      `${first[0]} − Lead-3 [95% CI]`,
      ...intervals.map((ci) => `${signed(ci.mean)} [${signed(ci.low)}, ${signed(ci.high)}]`),
    ]),
  );
}

function danglingShare(results: readonly Result[]): string {
  const sentences = results.reduce((sum, result) => sum + result.summary.length, 0);
  const dangling = results.reduce(
    (sum, result) => sum + danglingSentences(result.text, result.summary).length,
    0,
  );
  return `${dangling}/${sentences} (${((100 * dangling) / Math.max(1, sentences)).toFixed(1)}%)`;
}

/** This run's out-of-fold scores minus a saved run's, paired by article id. */
function printAgainst(file: string, records: readonly Record[], scores: readonly Triple[]): void {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { [id: string]: Triple };
  const paired = records.flatMap((record, index) => {
    const before = saved[record.id];
    const after = scores[index];
    return before === undefined || after === undefined ? [] : [{ before, after }];
  });
  const intervals = METRICS.map((_, m) =>
    pairedBootstrap(
      column(
        paired.map((pair) => pair.after),
        m,
      ),
      column(
        paired.map((pair) => pair.before),
        m,
      ),
    ),
  );
  console.log(`\nOut-of-fold, this tree minus ${file} (${paired.length} articles paired by id):`);
  console.log(row(['', ...METRICS]));
  console.log(row(['---', ...METRICS.map(() => '---:')]));
  console.log(
    row([
      'difference [95% CI]',
      ...intervals.map((ci) => `${signed(ci.mean)} [${signed(ci.low)}, ${signed(ci.high)}]`),
    ]),
  );
}

function main(): void {
  const { values } = parseArgs({
    options: { outside: { type: 'string' }, save: { type: 'string' }, against: { type: 'string' } },
  });
  const records = loadRecords();
  if (records === undefined) return;
  const references = records.map((record) => splitReference(record.reference));
  const score = (summaries: readonly (readonly string[])[]) =>
    summaries.map((summary, index) => triple(scoreSummary(references[index] ?? [], summary)));

  const inSample = records.map((record, index) => summaryOf(record, index));
  const oof = outOfFold(records);
  const lead3Summaries = inSample.map((result) =>
    splitSentences(result.text)
      .slice(0, SENTENCES)
      .map((sentence) => sentence.text),
  );
  const lead3 = score(lead3Summaries);
  const oofScores = score(oof.map((result) => result.summary));
  const inSampleScores = score(inSample.map((result) => result.summary));

  console.log(
    `ROUGE F1 x100 on ${records.length} CNN/DailyMail test articles (${DATA.join(' + ')}), ${SENTENCES} sentences, ` +
      'through processArticle, scored as ../shared/tools/score/rouge.py scores them.',
  );
  printTable(
    `Out-of-fold (${FOLDS} folds fixed by id; each fold summarised by the model trained on the other ${FOLDS - 1}):`,
    [
      ['precis', oofScores],
      ['Lead-3', lead3],
    ],
    lead3,
  );
  printTable(
    `In-sample (the committed model, trained on all ${records.length}; = dev-report summaries):`,
    [
      ['precis', inSampleScores],
      ['Lead-3', lead3],
    ],
    lead3,
  );
  for (const source of [...new Set(records.map((record) => record.source ?? ''))]) {
    const pick = <T>(values: readonly T[]) => values.filter((_, index) => records[index]?.source === source);
    printTable(
      `Out-of-fold, ${source} only (${pick(records).length} articles):`,
      [
        ['precis', pick(oofScores)],
        ['Lead-3', pick(lead3)],
      ],
      pick(lead3),
    );
  }
  const withSystems = records.flatMap((record, index) => (record.systems === undefined ? [] : [index]));
  const subset = <T>(values: readonly T[]) => withSystems.map((index) => values[index] as T);
  printTable(
    `The ${withSystems.length} articles with stored systems (cnndm-dev), precis out-of-fold:`,
    [
      ['precis', subset(oofScores)],
      ['Lead-3', subset(lead3)],
      ...STORED_SYSTEMS.map((system): [string, Triple[]] => [
        system,
        subset(
          records.map((record, index) =>
            triple(scoreSummary(references[index] ?? [], splitReference(record.systems?.[system] ?? ''))),
          ),
        ),
      ]),
    ],
    subset(lead3),
  );
  if (values.save !== undefined) {
    const byId = Object.fromEntries(records.map((record, index) => [record.id, oofScores[index]]));
    writeFileSync(values.save, `${JSON.stringify(byId)}\n`);
  }
  if (values.against !== undefined) printAgainst(values.against, records, oofScores);
  const moved = oof.filter(
    (result, index) => result.summary.join('\n') !== lead3Summaries[index]?.join('\n'),
  );
  console.log(`\nprecis out-of-fold differs from Lead-3 on ${moved.length}/${records.length} articles.`);
  console.log(
    `Dangling openers (summary sentences opening with a pronoun or connective whose sentence is left out): ` +
      `precis ${danglingShare(oof)}, Lead-3 ${danglingShare(lead3Summaries.map((summary, index) => ({ ...(inSample[index] as Result), summary })))}`,
  );

  const pages = measurePages();
  if (pages !== undefined) {
    const share = (part: number, whole: number) =>
      `${part}/${whole} (${((100 * part) / Math.max(1, whole)).toFixed(1)}%)`;
    console.log(
      `\nReal pages (${pages.pages} news pages, pages/news-fixtures.jsonl.gz; = dev-report pages): outside the article ` +
        `text: summary sentences ${share(pages.offBodySentences, pages.sentences)}, headlines ` +
        `${share(pages.offBodyHeadlines, pages.headlines)}; dangling summary sentences ${share(pages.dangling, pages.sentences)}.`,
    );
    if (values.outside !== undefined)
      writeFileSync(values.outside, `${JSON.stringify(pages.outside, null, 2)}\n`);
  }

  const texts = inSample.map((result) => ({ text: result.text }));
  const started = performance.now();
  for (let pass = 0; pass < TIMING_PASSES; pass++)
    for (const text of texts) summarise(text, { sentences: SENTENCES });
  const rate = (TIMING_PASSES * texts.length) / ((performance.now() - started) / 1000);
  console.log(
    `\nthroughput: ${rate.toFixed(0)} articles/s (summary, headline and key phrases; one core; load average ` +
      `${loadavg()[0]?.toFixed(1)}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

main();
