/**
 * `npm run bench:stages`: where the core's CPU goes, stage by stage, on the 268 CNN/DM dev articles in this
 * process: cleaning (`cleanDocument`), sentence splitting, the NER tagger, entity grouping, dates, numbers,
 * quotes and grounding, each timed with process.cpuUsage around its own call, as `extractFacts` and
 * `processArticle` make them (the summariser is left out: bench:summary times it). Each stage's figure is its
 * CPU ms per pass over the articles, the fastest of PASSES passes (the first also warms V8 up). Beside them,
 * the core as bench:perf measures it: `processArticle` on each article, its fastest of the passes, as articles
 * per CPU second. The machine has 2 cores shared by up to 8 engineers: compare two commits by running this on
 * each, alternately, in one sitting.
 */
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { buildEntities } from '#shared/facts/entities.ts';
import { groundFacts } from '#shared/facts/ground.ts';
import { tagEntities } from '#shared/facts/ner/tag-entities.ts';
import { findNumbers } from '#shared/facts/numbers.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { processArticle } from '#shared/process-article.ts';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { readCnndmArticles } from './cnndm.ts';
import { loadNote } from './measure.ts';

const PASSES = 4;
const STAGES = ['clean', 'sentences', 'ner', 'entities', 'dates', 'numbers', 'quotes', 'ground'] as const;
type Stage = (typeof STAGES)[number];

/** CPU ms of each stage over all the articles, in one pass. */
function onePass(inputs: readonly { bytes: Uint8Array; url?: string }[]): Record<Stage, number> {
  const spent = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  const time = <T>(stage: Stage, run: () => T): T => {
    const started = process.cpuUsage();
    const result = run();
    const { user, system } = process.cpuUsage(started);
    spent[stage] += (user + system) / 1000;
    return result;
  };
  for (const { bytes, url } of inputs) {
    const document = time('clean', () => cleanDocument({ bytes, contentType: 'text/plain', url }));
    const { text } = document;
    time('sentences', () => splitSentences(text));
    const mentions = time('ner', () => tagEntities(text));
    const entities = time('entities', () => buildEntities(text, mentions, { title: document.title }));
    const dates = time('dates', () => findDates(text, {}));
    const numbers = time('numbers', () => findNumbers(text, { exclude: dates }));
    const quotes = time('quotes', () => findQuotes(text, entities));
    time('ground', () => groundFacts(text, { entities, dates, numbers, quotes }));
  }
  return spent;
}

/** CPU ms of processArticle on each article. */
function corePass(inputs: readonly { bytes: Uint8Array; url?: string }[]): number[] {
  return inputs.map(({ bytes, url }) => {
    const started = process.cpuUsage();
    processArticle({
      id: 'bench',
      bytes,
      source: { contentType: 'text/plain', bytes: bytes.byteLength },
      url,
    });
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1000;
  });
}

function main(): void {
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  const inputs = articles.map((article) => ({
    bytes: new TextEncoder().encode(article.text),
    ...(article.url ? { url: article.url } : {}),
  }));
  const best = Object.fromEntries(STAGES.map((stage) => [stage, Number.POSITIVE_INFINITY])) as Record<
    Stage,
    number
  >;
  const bestCore = inputs.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < PASSES; pass++) {
    const spent = onePass(inputs);
    for (const stage of STAGES) best[stage] = Math.min(best[stage], spent[stage]);
    corePass(inputs).forEach((ms, index) => {
      bestCore[index] = Math.min(bestCore[index] as number, ms);
    });
  }
  console.log(`bench:stages, ${loadNote()}; CPU ms per pass over ${articles.length} CNN/DM articles:`);
  console.log(STAGES.map((stage) => `${stage} ${best[stage].toFixed(0)}`).join(', '));
  const owned = ['clean', 'sentences', 'entities', 'numbers', 'quotes', 'ground'] as const;
  const total = owned.reduce((sum, stage) => sum + best[stage], 0);
  console.log(`cleaning + sentences + the facts but NER and dates: ${total.toFixed(0)} ms`);
  const coreMs = bestCore.reduce((sum, ms) => sum + ms, 0);
  console.log(`core (processArticle): ${((inputs.length * 1000) / coreMs).toFixed(0)} articles/CPU s`);
}

main();
