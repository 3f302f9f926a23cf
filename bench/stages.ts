/**
 * `npm run bench:stages`: where the core's CPU goes, stage by stage, on the 268 CNN/DM dev articles in this
 * process, each stage timed with process.cpuUsage around its own call, made as `processArticle` makes it:
 * cleaning (`cleanDocument`, with language detection inside it, also timed on its own as `language`),
 * sentence splitting, sentence selection and the headline (`summary`), key phrases, the NER tagger, entity
 * grouping, dates, numbers, quotes, grounding, and the Result's caps and title mentions (`result`). Each
 * stage's figure is its CPU ms per pass over the articles, the fastest of PASSES passes (the first also warms
 * V8 up). Beside them, the core as bench:perf measures it: `processArticle` on each article, its fastest of
 * the passes, as CPU ms per pass (what the stages leave unlisted is the difference) and articles per CPU
 * second. The machine has 2 cores shared by up to 8 engineers: compare two commits by running this on each,
 * alternately, in one sitting.
 */
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { detectLanguage } from '#shared/clean/detect-language.ts';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { buildEntities } from '#shared/facts/entities.ts';
import { groundFacts } from '#shared/facts/ground.ts';
import { tagEntities } from '#shared/facts/ner/tag-entities.ts';
import { findNumbers } from '#shared/facts/numbers.ts';
import { findQuotes } from '#shared/facts/quotes/find-quotes.ts';
import { boundResult } from '#shared/limits/bound-result.ts';
import { processArticle } from '#shared/process-article.ts';
import { PIPELINE_VERSION } from '#shared/result.ts';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { headlineFrom } from '#shared/summarise/headline.ts';
import { extractKeyPhrases } from '#shared/summarise/key-phrases.ts';
import { selectSentences } from '#shared/summarise/select-sentences.ts';
import { withTitleMentions } from '#shared/title/title-mentions.ts';
import { readCnndmArticles } from './cnndm.ts';
import { loadNote } from './measure.ts';

const PASSES = 4;
/** The stages in the order processArticle runs them; `language` is part of `clean`, timed again on its own. */
const STAGES = [
  'clean',
  'language',
  'sentences',
  'summary',
  'key phrases',
  'ner',
  'entities',
  'dates',
  'numbers',
  'quotes',
  'ground',
  'result',
] as const;
type Stage = (typeof STAGES)[number];
/** Stages that are part of another one's figure, so not added again to the sum. */
const INSIDE: ReadonlySet<Stage> = new Set(['language']);

interface Input {
  readonly bytes: Uint8Array;
  readonly url?: string;
}

/** CPU ms of each stage over all the articles, in one pass. */
function onePass(inputs: readonly Input[]): Record<Stage, number> {
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
    const { text, title } = document;
    const bodyStart = document.titleLeads && title ? title.length : 0;
    // cleanDocument detects the language on the text without its title line.
    const body = bodyStart > 0 ? text.slice(bodyStart).replace(/^\n\n/, '') : text;
    time('language', () => detectLanguage(body));
    const sentences = time('sentences', () =>
      splitSentences(text).filter((sentence) => sentence.start >= bodyStart),
    );
    const selection = time('summary', () => {
      const chosen = selectSentences(sentences, {});
      return { chosen, headline: chosen.lede && headlineFrom(chosen.lede.text) };
    });
    const keyPhrases = time('key phrases', () => extractKeyPhrases(sentences));
    const mentions = time('ner', () => tagEntities(text));
    const entities = time('entities', () => buildEntities(text, mentions, { title }));
    const dates = time('dates', () => findDates(text, {}));
    const numbers = time('numbers', () => findNumbers(text, { exclude: dates }));
    const quotes = time('quotes', () => findQuotes(text, entities));
    const facts = time('ground', () => groundFacts(text, { entities, dates, numbers, quotes }));
    time('result', () => {
      const { standfirst: _standfirst, asides: _asides, titleLeads, ...published } = document;
      const result = boundResult({
        id: 'bench',
        source: { contentType: 'text/plain', bytes: bytes.byteLength },
        pipelineVersion: PIPELINE_VERSION,
        processedAt: new Date().toISOString(),
        status: 'DONE',
        ...published,
        summary: selection.chosen.sentences.map((sentence) => sentence.text),
        ...(selection.headline === undefined ? {} : { headline: selection.headline }),
        facts,
        analysis: { summary: 'full', facts: 'full' },
        ...(keyPhrases.length === 0 ? {} : { keyPhrases }),
      });
      return withTitleMentions(result, titleLeads === true);
    });
  }
  return spent;
}

/** CPU ms of processArticle on each article. */
function corePass(inputs: readonly Input[]): number[] {
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
  const listed = STAGES.filter((stage) => !INSIDE.has(stage)).reduce((sum, stage) => sum + best[stage], 0);
  const owned = ['clean', 'sentences', 'entities', 'numbers', 'quotes', 'ground'] as const;
  const total = owned.reduce((sum, stage) => sum + best[stage], 0);
  console.log(`cleaning + sentences + the facts but NER and dates: ${total.toFixed(0)} ms`);
  const coreMs = bestCore.reduce((sum, ms) => sum + ms, 0);
  console.log(
    `core (processArticle): ${coreMs.toFixed(0)} ms per pass, the stages ${listed.toFixed(0)} (unlisted ${(coreMs - listed).toFixed(0)}); ${((inputs.length * 1000) / coreMs).toFixed(0)} articles/CPU s`,
  );
}

main();
