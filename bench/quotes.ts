/**
 * Quotes benchmark: direct quotes and their speakers through the whole pipeline (`processArticle`) on the
 * PolNeAR dev articles, scored as ../shared/tools/score/quote_score.py scores them (bench/quote-score.ts).
 * Each article goes in as `dev-report` sends it: a JSON file {text, publishedAt}.
 * Data: ../shared/data/quotes/polnear-dev.jsonl (never copied into the repo).
 *
 * The 84 articles are split once, per outlet, by a hash of their id: `tune` (the half the rules were
 * developed on) and `held-out` (never looked at while developing). Figures are printed for both halves and
 * all, with 95% bootstrap intervals over articles.
 * `npm run bench:quotes [-- --errors FILE]` writes the tune half's misses and wrong speakers to FILE.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processArticle } from '#shared/process-article.ts';
import { seededRandom } from './bootstrap.ts';
import { readEvaluationData, stableHash } from './evaluation-data.ts';
import {
  type ArticleScore,
  addCounts,
  emptyCounts,
  type GoldQuote,
  type QuoteCounts,
  scoreArticle,
  spanScores,
} from './quote-score.ts';

interface Article {
  readonly id: string;
  readonly date: string;
  readonly publisher: string;
  readonly text: string;
  readonly quotes: readonly GoldQuote[];
}

type Part = 'tune' | 'held-out';

interface Scored {
  readonly article: Article;
  readonly part: Part;
  readonly score: ArticleScore;
  readonly text: string;
}

const DATA = 'quotes/polnear-dev.jsonl';
const BOOTSTRAP_ROUNDS = 1000;
const NOW = () => new Date('2026-01-01T00:00:00Z');

/** Per outlet, articles in hash order: the first half is `tune`, the rest `held-out`. */
function splitArticles(articles: readonly Article[]): Map<string, Part> {
  const parts = new Map<string, Part>();
  const publishers = new Set(articles.map((article) => article.publisher));
  for (const publisher of publishers) {
    const own = articles.filter((article) => article.publisher === publisher);
    own.sort((a, b) => stableHash(a.id) - stableHash(b.id) || a.id.localeCompare(b.id));
    for (const [index, article] of own.entries()) {
      parts.set(article.id, index < own.length / 2 ? 'tune' : 'held-out');
    }
  }
  return parts;
}

function run(article: Article): { text: string; score: ArticleScore } {
  const bytes = new TextEncoder().encode(JSON.stringify({ text: article.text, publishedAt: article.date }));
  const result = processArticle(
    { id: article.id, bytes, source: { key: `${article.id}.json`, bytes: bytes.byteLength } },
    { now: NOW },
  );
  return {
    text: result.text,
    score: scoreArticle(article.text, article.quotes, result.text, result.facts.quotes),
  };
}

function total(scored: readonly Scored[]): QuoteCounts {
  const counts = emptyCounts();
  for (const { score } of scored) addCounts(counts, score.counts);
  return counts;
}

/** A seeded generator (mulberry32), so the intervals are the same on every run. */
/** 95% percentile intervals of span F1 and speaker accuracy, resampling articles with replacement. */
function bootstrap(scored: readonly Scored[]) {
  const next = seededRandom(10);
  const f1s: number[] = [];
  const speakers: number[] = [];
  for (let round = 0; round < BOOTSTRAP_ROUNDS; round++) {
    const sample = Array.from(
      { length: scored.length },
      () => scored[Math.floor(next() * scored.length)] as Scored,
    );
    const { f1, speaker } = spanScores(total(sample));
    f1s.push(f1);
    speakers.push(speaker);
  }
  const interval = (values: number[]) => {
    values.sort((a, b) => a - b);
    const low = values[Math.floor(0.025 * values.length)] ?? 0;
    const high = values[Math.floor(0.975 * values.length)] ?? 0;
    return `${low.toFixed(3)}-${high.toFixed(3)}`;
  };
  return { f1: interval(f1s), speaker: interval(speakers) };
}

function printRow(name: string, scored: readonly Scored[]): void {
  const counts = total(scored);
  const { precision, recall, f1, speaker } = spanScores(counts);
  const intervals = bootstrap(scored);
  console.log(
    `${name.padEnd(9)} ${String(scored.length).padStart(8)} ${String(counts.gold).padStart(5)} ` +
      `${precision.toFixed(4)} ${recall.toFixed(4)} ${f1.toFixed(4)} (${intervals.f1})  ` +
      `${counts.speakerRight}/${counts.speakerScored} ${speaker.toFixed(4)} (${intervals.speaker})`,
  );
}

/** The gold text around a quote and its speaker, on one line. */
function context(text: string, quote: GoldQuote): string {
  const from = Math.max(0, Math.min(quote.start, quote.speaker_start ?? quote.start) - 100);
  const to = Math.min(text.length, Math.max(quote.end, quote.speaker_end ?? quote.end) + 60);
  const span =
    to - from > 600 ? `${text.slice(from, from + 300)} … ${text.slice(to - 300, to)}` : text.slice(from, to);
  return span.replace(/\s+/g, ' ');
}

function describeErrors(scored: readonly Scored[]): string {
  const lines: string[] = [];
  for (const { article, score, text } of scored) {
    const problems: string[] = [];
    const goldSpeaker = (quote: GoldQuote) =>
      `${quote.speaker}${quote.speaker_pronoun ? ' (pronoun)' : ''} @${quote.speaker_start}`;
    for (const pair of score.pairs) {
      if (pair.speakerRight !== false) continue;
      const mention = pair.predicted.speakerMention;
      const said = mention ? text.slice(mention.start, mention.end) : '';
      problems.push(
        `  SPEAKER "${pair.gold.text.slice(0, 70)}"\n    gold: ${goldSpeaker(pair.gold)}\n` +
          `    ours: ${pair.predicted.speaker ?? '-'} [${said}] verb=${pair.predicted.verb ?? '-'}\n` +
          `    context: ${context(article.text, pair.gold)}`,
      );
    }
    for (const quote of score.missed) {
      problems.push(
        `  MISSED @${quote.start} "${quote.text.slice(0, 90)}" (${goldSpeaker(quote)})\n    context: ${context(article.text, quote)}`,
      );
    }
    for (const quote of score.spurious) {
      problems.push(`  SPURIOUS @${quote.start} "${quote.text.slice(0, 90)}" (${quote.speaker ?? '-'})`);
    }
    if (problems.length > 0) lines.push(`# ${article.id}`, ...problems);
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const { values } = parseArgs({ options: { errors: { type: 'string' } } });
  const articles = readEvaluationData<Article>(DATA);
  if (articles === undefined) return;
  const parts = splitArticles(articles);
  const scored: Scored[] = articles.map((article) => ({
    article,
    part: parts.get(article.id) ?? 'tune',
    ...run(article),
  }));
  console.log(`PolNeAR dev, ${articles.length} articles through processArticle (quote_score.py's metric)`);
  console.log('part      articles  gold P      R      span F1 (95% CI)        named speaker right (95% CI)');
  printRow(
    'tune',
    scored.filter((s) => s.part === 'tune'),
  );
  printRow(
    'held-out',
    scored.filter((s) => s.part === 'held-out'),
  );
  printRow('all', scored);
  if (values.errors) {
    writeFileSync(values.errors, describeErrors(scored.filter((s) => s.part === 'tune')));
    console.log(`tune-half errors written to ${values.errors}`);
  }
}

main();
