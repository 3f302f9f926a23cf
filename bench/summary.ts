/**
 * Summary benchmark: ROUGE-1/2/Lsum F1 of precis (3 sentences), Lead-3 (same splitter, same cleaned text)
 * and the five stored systems on ../shared/data/summaries/cnndm-dev.jsonl, plus throughput and peak memory.
 * Run: npm run bench:summary
 */
import { loadavg } from 'node:os';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { summarise } from '#shared/summarise/summarise.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { type RougeScores, scoreSummary, splitReference } from './rouge.ts';

/** One line of the data: an article, its reference summary and the stored systems' summaries. */
interface DataRecord {
  readonly id: string;
  readonly article: string;
  readonly url?: string;
  readonly reference: string;
  readonly systems: Readonly<{ [system: string]: string }>;
}

interface Article {
  readonly record: DataRecord;
  readonly text: string;
  readonly title?: string;
}

const DATA = 'summaries/cnndm-dev.jsonl';
const SUMMARY_SENTENCES = 3;
const STORED_SYSTEMS = ['bart', 'bert_sum', 'bus', 'pgn', 's2s'] as const;
const TIMING_PASSES = 20;

function cleanArticle(record: DataRecord): Article {
  const document = cleanDocument({
    bytes: new TextEncoder().encode(record.article),
    fileName: `${record.id}.txt`,
    ...(record.url === undefined ? {} : { url: record.url }),
  });
  return { record, text: document.text, ...(document.title === undefined ? {} : { title: document.title }) };
}

function mean(scores: readonly RougeScores[]): [number, number, number] {
  const average = (pick: (score: RougeScores) => number) =>
    (100 * scores.reduce((sum, score) => sum + pick(score), 0)) / Math.max(1, scores.length);
  return [average((s) => s.rouge1.f1), average((s) => s.rouge2.f1), average((s) => s.rougeLsum.f1)];
}

function row(name: string, figures: readonly number[]): string {
  return `| ${name.padEnd(12)} | ${figures.map((figure) => figure.toFixed(2).padStart(6)).join(' | ')} |`;
}

function main(): void {
  const records = readEvaluationData<DataRecord>(DATA);
  if (records === undefined) return;
  const articles = records.map(cleanArticle);
  const references = articles.map((article) => splitReference(article.record.reference));
  const precis = articles.map((article) => summarise(article, { sentences: SUMMARY_SENTENCES }).summary);
  const lead3 = articles.map((article) =>
    splitSentences(article.text)
      .slice(0, SUMMARY_SENTENCES)
      .map((sentence) => sentence.text),
  );
  const scoreAll = (summaries: readonly (readonly string[])[]) =>
    mean(summaries.map((summary, index) => scoreSummary(references[index] ?? [], summary)));

  const passRates: number[] = [];
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const started = performance.now();
    for (const article of articles) summarise(article, { sentences: SUMMARY_SENTENCES });
    passRates.push(articles.length / ((performance.now() - started) / 1000));
  }
  passRates.sort((a, b) => a - b);
  const median = passRates[Math.floor(passRates.length / 2)] ?? 0;

  console.log(`ROUGE F1 x100 on ${articles.length} CNN/DailyMail dev articles (${DATA})`);
  console.log('| system       |     R1 |     R2 | RLsum |');
  console.log('|--------------|-------:|-------:|------:|');
  console.log(row('precis', scoreAll(precis)));
  console.log(row('lead-3', scoreAll(lead3)));
  for (const system of STORED_SYSTEMS) {
    console.log(
      row(system, scoreAll(articles.map((article) => splitReference(article.record.systems[system] ?? '')))),
    );
  }
  const memory = process.memoryUsage();
  console.log(
    `throughput: ${median.toFixed(0)} articles/s median, ${(passRates.at(-1) ?? 0).toFixed(0)} best ` +
      `(summary, headline and key phrases; one core; ${TIMING_PASSES} passes over ${articles.length} articles; ` +
      `load average ${loadavg()[0]?.toFixed(1)})`,
  );
  console.log(
    `peak memory: maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB; ` +
      `heapUsed now ${(memory.heapUsed / 1024 / 1024).toFixed(1)} MiB`,
  );
}

main();
