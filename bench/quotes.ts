/**
 * Quotes benchmark: direct quotes and their speakers through the whole pipeline (`processArticle`) on the
 * PolNeAR dev articles, scored as ../shared/tools/score/quote_score.py scores them (bench/quote-score.ts).
 * Each article goes in as `dev-report` sends it: a JSON file {text, publishedAt}.
 * Data: ../shared/data/quotes/polnear-dev.jsonl (never copied into the repo).
 *
 * Fixed 4-fold evaluation, stratified by outlet: per outlet, the articles in hash order of their id are cut
 * into four equal runs (folds 0-3; folds 0-1 are the former `tune` half, 2-3 the former `held-out` half).
 * The rules are hand-written (no constant is searched per fold), so an article's score is out-of-fold as far
 * as its errors were not read while writing rules: `--errors FILE` writes the errors of folds 0-2 only, and
 * fold 3 is never read (only scored). Printed: each fold, folds 2-3, all folds pooled, and each outlet, with
 * 95% bootstrap intervals over articles; the named speaker both by quote_score.py's test and by the strict test
 * of bench/quote-strict.ts (`--errors` lists the pairs wrong by either, and the descriptions it trusts). `--save-scores FILE` then `--baseline FILE` (on a later commit) print
 * the paired bootstrap difference of span F1 and named-speaker accuracy. `--develop` leaves fold 3 out altogether
 * (not run, not printed), for the runs made while writing rules, so that fold 3 is looked at only on purpose.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { processArticle } from '#shared/process-article.ts';
import { seededRandom } from './bootstrap.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { assignFolds, FOLDS, UNTOUCHED_FOLD } from './quote-folds.ts';
import {
  type ArticleScore,
  addCounts,
  emptyCounts,
  type GoldQuote,
  type QuoteCounts,
  scoreArticle,
  spanScores,
} from './quote-score.ts';
import { countSources, SPEAKER_SOURCES, type SpeakerSource, sourceCell } from './quote-sources.ts';

interface Article {
  readonly id: string;
  readonly date: string;
  readonly publisher: string;
  readonly text: string;
  readonly quotes: readonly GoldQuote[];
}

interface Scored {
  readonly article: Article;
  readonly fold: number;
  readonly score: ArticleScore;
  readonly text: string;
}

const DATA = 'quotes/polnear-dev.jsonl';
const BOOTSTRAP_ROUNDS = 1000;
const NOW = () => new Date('2026-01-01T00:00:00Z');

function run(article: Article): { text: string; score: ArticleScore } {
  const bytes = new TextEncoder().encode(JSON.stringify({ text: article.text, publishedAt: article.date }));
  const result = processArticle(
    { id: article.id, bytes, source: { key: `${article.id}.json`, bytes: bytes.byteLength } },
    { now: NOW },
  );
  return {
    text: result.text,
    score: scoreArticle(
      article.text,
      article.quotes,
      result.text,
      result.facts.quotes,
      result.facts.entities,
    ),
  };
}

function total(scored: readonly Scored[]): QuoteCounts {
  const counts = emptyCounts();
  for (const { score } of scored) addCounts(counts, score.counts);
  return counts;
}

/** 95% percentile interval of the values. */
function interval(values: number[]): string {
  values.sort((a, b) => a - b);
  const low = values[Math.floor(0.025 * values.length)] ?? 0;
  const high = values[Math.floor(0.975 * values.length)] ?? 0;
  return `${low.toFixed(3)}-${high.toFixed(3)}`;
}

/** Bootstrap over articles (resampled with replacement): 95% intervals of span F1 and speaker accuracy. */
function bootstrap(counts: readonly QuoteCounts[]) {
  const next = seededRandom(10);
  const f1s: number[] = [];
  const speakers: number[] = [];
  const stricts: number[] = [];
  for (let round = 0; round < BOOTSTRAP_ROUNDS; round++) {
    const sum = emptyCounts();
    for (let draw = 0; draw < counts.length; draw++) {
      addCounts(sum, counts[Math.floor(next() * counts.length)] as QuoteCounts);
    }
    const { f1, speaker, strict } = spanScores(sum);
    f1s.push(f1);
    speakers.push(speaker);
    stricts.push(strict);
  }
  return { f1: interval(f1s), speaker: interval(speakers), strict: interval(stricts) };
}

/** Paired bootstrap of (now - baseline) on the same resampled articles: span F1 and speaker accuracy. */
function pairedDifference(now: readonly QuoteCounts[], before: readonly QuoteCounts[]) {
  const next = seededRandom(11);
  const f1s: number[] = [];
  const speakers: number[] = [];
  const stricts: number[] = [];
  for (let round = 0; round < BOOTSTRAP_ROUNDS; round++) {
    const a = emptyCounts();
    const b = emptyCounts();
    for (let draw = 0; draw < now.length; draw++) {
      const index = Math.floor(next() * now.length);
      addCounts(a, now[index] as QuoteCounts);
      addCounts(b, before[index] as QuoteCounts);
    }
    f1s.push(spanScores(a).f1 - spanScores(b).f1);
    speakers.push(spanScores(a).speaker - spanScores(b).speaker);
    stricts.push(spanScores(a).strict - spanScores(b).strict);
  }
  const sum = (list: readonly QuoteCounts[]) => {
    const total = emptyCounts();
    for (const counts of list) addCounts(total, counts);
    return spanScores(total);
  };
  const f1 = sum(now).f1 - sum(before).f1;
  const speaker = sum(now).speaker - sum(before).speaker;
  const strict = sum(now).strict - sum(before).strict;
  return {
    f1: `${signed(f1)} [${interval(f1s)}]`,
    speaker: `${signed(speaker)} [${interval(speakers)}]`,
    strict: `${signed(strict)} [${interval(stricts)}]`,
  };
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;
}

function printRow(name: string, scored: readonly Scored[]): void {
  const counts = total(scored);
  const { precision, recall, f1, speaker, strict } = spanScores(counts);
  const intervals = bootstrap(scored.map((s) => s.score.counts));
  console.log(
    `${name.padEnd(24)} ${String(scored.length).padStart(8)} ${String(counts.gold).padStart(5)} ` +
      `${precision.toFixed(4)} ${recall.toFixed(4)} ${f1.toFixed(4)} (${intervals.f1})  ` +
      `${counts.speakerRight}/${counts.speakerScored} ${speaker.toFixed(4)} (${intervals.speaker})  ` +
      `strict ${counts.speakerStrict ?? 0}/${counts.speakerScored} ${strict.toFixed(4)} (${intervals.strict})`,
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
  for (const { article, fold, score, text } of scored) {
    const problems: string[] = [];
    const goldSpeaker = (quote: GoldQuote) =>
      `${quote.speaker}${quote.speaker_pronoun ? ' (pronoun)' : ''} @${quote.speaker_start}`;
    for (const pair of score.pairs) {
      if (pair.speakerRight !== false && pair.strict?.right !== false && !pair.strict?.trusted) continue;
      const mention = pair.predicted.speakerMention;
      const said = mention ? text.slice(mention.start, mention.end) : '';
      const kind =
        pair.speakerRight === false ? 'SPEAKER' : pair.strict?.right === false ? 'STRICT' : 'TRUSTED';
      problems.push(
        `  ${kind} "${pair.gold.text.slice(0, 70)}"\n    gold: ${goldSpeaker(pair.gold)}\n` +
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
    if (problems.length > 0) lines.push(`# ${article.id} (fold ${fold})`, ...problems);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The named-speaker figure of each part split by how precis found the speaker (bench/quote-sources.ts), and the
 * quotes whose gold speaker is "he" or "she", which that figure leaves out.
 */
function printSources(groups: readonly [string, readonly Scored[]][]): void {
  console.log('\nnamed speaker right, by how precis found the speaker (right/scored, 95% CI over articles)');
  for (const [name, scored] of groups) {
    const counts = scored.map((s) => countSources(s.text, s.score));
    const cells = SPEAKER_SOURCES.map(
      (source: SpeakerSource) => `${source} ${sourceCell(counts.map((c) => c.sources[source]))}`,
    );
    console.log(`${name.padEnd(24)} ${cells.join(' | ')}`);
  }
  console.log(
    '\ngold speaker "he"/"she" (not in the named figure): found, attributed to that pronoun, resolved',
  );
  for (const [name, scored] of groups) {
    const pronouns = scored.map((s) => countSources(s.text, s.score).pronouns);
    const sum = (key: keyof (typeof pronouns)[number]) => pronouns.reduce((total, p) => total + p[key], 0);
    console.log(`${name.padEnd(24)} ${sum('quotes')} ${sum('samePronoun')} ${sum('resolved')}`);
  }
}

function printBaseline(file: string, groups: readonly [string, readonly Scored[]][]): void {
  const before = new Map<string, QuoteCounts>(JSON.parse(readFileSync(file, 'utf8')));
  console.log(
    `\nchange from ${file} (paired bootstrap over articles): span F1, named speaker right, strict (0 before it was saved)`,
  );
  for (const [name, scored] of groups) {
    const kept = scored.filter((s) => before.has(s.article.id));
    const difference = pairedDifference(
      kept.map((s) => s.score.counts),
      kept.map((s) => before.get(s.article.id) as QuoteCounts),
    );
    console.log(`${name.padEnd(24)} ${difference.f1}  ${difference.speaker}  strict ${difference.strict}`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      errors: { type: 'string' },
      'save-scores': { type: 'string' },
      baseline: { type: 'string' },
      develop: { type: 'boolean', default: false },
    },
  });
  const articles = readEvaluationData<Article>(DATA);
  if (articles === undefined) return;
  const folds = assignFolds(articles);
  const fold = (article: Article) => folds.get(article.id) ?? 0;
  const scored: Scored[] = articles
    .filter((article) => !(values.develop && fold(article) === UNTOUCHED_FOLD))
    .map((article) => ({ article, fold: fold(article), ...run(article) }));
  const shown = values.develop ? UNTOUCHED_FOLD : FOLDS;
  console.log(`PolNeAR dev, ${scored.length} articles through processArticle (quote_score.py's metric)`);
  if (values.develop) console.log(`--develop: fold ${UNTOUCHED_FOLD} left out (not run)`);
  console.log(
    `${FOLDS} folds by outlet and hashed id; errors are read on folds 0-${UNTOUCHED_FOLD - 1}, fold ${UNTOUCHED_FOLD} never`,
  );
  console.log(
    'part                     articles  gold P      R      span F1 (95% CI)        named speaker right (95% CI)      strict speaker (95% CI)',
  );
  const groups: [string, Scored[]][] = [];
  for (let index = 0; index < shown; index++) {
    groups.push([`fold ${index}`, scored.filter((s) => s.fold === index)]);
  }
  if (values.develop) groups.push([`folds 0-${UNTOUCHED_FOLD - 1}`, scored]);
  else {
    groups.push(['folds 2-3 (old held-out)', scored.filter((s) => s.fold >= 2)]);
    groups.push(['all folds (OOF)', scored]);
  }
  for (const [name, group] of groups) printRow(name, group);
  console.log(values.develop ? '\nby outlet (folds 0-2)' : '\nby outlet (all folds)');
  const publishers = [...new Set(articles.map((article) => article.publisher))].sort();
  for (const publisher of publishers) {
    printRow(
      publisher,
      scored.filter((s) => s.article.publisher === publisher),
    );
  }
  printSources(groups);
  if (values.baseline) printBaseline(values.baseline, groups);
  if (values['save-scores']) {
    const saved = scored.map((s) => [s.article.id, s.score.counts]);
    writeFileSync(values['save-scores'], JSON.stringify(saved));
  }
  if (values.errors) {
    writeFileSync(values.errors, describeErrors(scored.filter((s) => s.fold !== UNTOUCHED_FOLD)));
    console.log(`errors of folds 0-${UNTOUCHED_FOLD - 1} written to ${values.errors}`);
  }
}

main();
