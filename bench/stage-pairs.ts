/**
 * `npm run bench:stage-pairs -- REFERENCE [STAGE,...] [PAIRS]`: the stages of this tree against those of
 * another checkout of precis (REFERENCE, a worktree with its own node_modules, e.g. one made with `git worktree
 * add --detach ../ref COMMIT && cd ../ref && npm ci`), both loaded in this one process and timed in interleaved
 * passes over the 268 CNN/DM dev articles: each pair runs one pass of each tree (which goes first alternates),
 * CPU time of the pass. Prints per stage the median pass of each tree and the median of the pairs' ratios
 * (reference / this: above 1 is faster here). Stages: clean (cleanDocument), language (detectLanguage on the
 * cleaned text), sentences (splitSentences), summary (selectSentences and the headline), keyphrases
 * (extractKeyPhrases), the facts after NER as extractFacts runs them on the reference's tagged mentions:
 * entities (buildEntities), dates (findDates), numbers (findNumbers), quotes (findQuotes), ground
 * (groundFacts), and core (processArticle); default all but core. On a shared machine, pairs in one process
 * see the same load, so their ratio means more than either tree's time.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCnndmArticles } from './cnndm.ts';
import { median } from './measure.ts';

const STAGES = [
  'clean',
  'language',
  'sentences',
  'summary',
  'keyphrases',
  'entities',
  'dates',
  'numbers',
  'quotes',
  'ground',
  'core',
] as const;
type Stage = (typeof STAGES)[number];

/** The stage functions of the tree whose `shared/` is at `root` (a file URL ending in `/`). */
async function loadTree(root: string) {
  const load = (path: string) => import(new URL(path, root).href);
  return {
    clean: await load('clean/clean-document.ts'),
    language: await load('clean/detect-language.ts'),
    sentences: await load('sentences/split-sentences.ts'),
    keyPhrases: await load('summarise/key-phrases.ts'),
    select: await load('summarise/select-sentences.ts'),
    headline: await load('summarise/headline.ts'),
    tag: await load('facts/ner/tag-entities.ts'),
    entities: await load('facts/entities.ts'),
    dates: await load('facts/dates/find-dates.ts'),
    numbers: await load('facts/numbers.ts'),
    quotes: await load('facts/quotes/find-quotes.ts'),
    ground: await load('facts/ground.ts'),
    core: await load('process-article.ts'),
  };
}
type Tree = Awaited<ReturnType<typeof loadTree>>;

interface Prepared {
  readonly inputs: readonly { bytes: Uint8Array; url?: string }[];
  /** Each article cleaned (by the reference), its body without a title line, its sentences after it. */
  readonly texts: readonly string[];
  readonly bodies: readonly string[];
  readonly sentences: readonly unknown[][];
  /**
   * Each article's facts as each tree finds them (the inputs of its next facts stage), so that each tree's
   * stage reads objects made by its own code, as in processArticle.
   */
  readonly facts: ReadonlyMap<Tree, readonly Facts[]>;
}

/** What the facts stages read: the cleaned article, and the facts of the stages before each. */
interface Facts {
  readonly text: string;
  readonly title?: string;
  readonly dateOptions: object;
  readonly mentions: unknown[];
  readonly entities: unknown[];
  readonly dates: unknown[];
  readonly numbers: unknown[];
  readonly quotes: unknown[];
}

/** The options extractFacts gives findDates for `document`. */
function dateOptionsOf(document: { publishedAt?: string; language?: string; sourceUrl?: string }) {
  return {
    ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}),
    ...(document.language ? { locale: document.language } : {}),
    ...(document.sourceUrl ? { url: document.sourceUrl } : {}),
  };
}

/** The facts of `text` found by `tree`, stage by stage as extractFacts finds them. */
function factsOf(tree: Tree, document: { text: string; title?: string }, dateOptions: object): Facts {
  const { text, title } = document;
  const mentions = tree.tag.tagEntities(text);
  const entities = tree.entities.buildEntities(text, mentions, { title });
  const dates = tree.dates.findDates(text, dateOptions);
  const numbers = tree.numbers.findNumbers(text, { exclude: dates });
  const quotes = tree.quotes.findQuotes(text, entities);
  return { text, ...(title ? { title } : {}), dateOptions, mentions, entities, dates, numbers, quotes };
}

function runStage(tree: Tree, stage: Stage, prepared: Prepared): void {
  const { inputs, texts, bodies, sentences } = prepared;
  const facts = prepared.facts.get(tree) ?? [];
  switch (stage) {
    case 'clean':
      for (const { bytes, url } of inputs)
        tree.clean.cleanDocument({ bytes, contentType: 'text/plain', url });
      return;
    case 'language':
      for (const body of bodies) tree.language.detectLanguage(body);
      return;
    case 'sentences':
      for (const text of texts) tree.sentences.splitSentences(text);
      return;
    case 'summary':
      for (const list of sentences) {
        const selection = tree.select.selectSentences(list, {});
        if (selection.lede) tree.headline.headlineFrom(selection.lede.text);
      }
      return;
    case 'keyphrases':
      for (const list of sentences) tree.keyPhrases.extractKeyPhrases(list);
      return;
    case 'entities':
      for (const { text, title, mentions } of facts) tree.entities.buildEntities(text, mentions, { title });
      return;
    case 'dates':
      for (const { text, dateOptions } of facts) tree.dates.findDates(text, dateOptions);
      return;
    case 'numbers':
      for (const { text, dates } of facts) tree.numbers.findNumbers(text, { exclude: dates });
      return;
    case 'quotes':
      for (const { text, entities } of facts) tree.quotes.findQuotes(text, entities);
      return;
    case 'ground':
      for (const { text, entities, dates, numbers, quotes } of facts)
        tree.ground.groundFacts(text, { entities, dates, numbers, quotes });
      return;
    case 'core':
      for (const { bytes, url } of inputs) {
        tree.core.processArticle({
          id: 'bench',
          bytes,
          source: { contentType: 'text/plain', bytes: bytes.byteLength },
          url,
        });
      }
  }
}

function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

async function main(): Promise<void> {
  const [reference, stageList, pairList] = process.argv.slice(2);
  if (reference === undefined) {
    console.error('usage: bench:stage-pairs -- REFERENCE_CHECKOUT [STAGE,...] [PAIRS]');
    process.exit(2);
  }
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  const stages = (stageList?.split(',') ?? STAGES.filter((stage) => stage !== 'core')) as Stage[];
  const pairs = Number(pairList ?? 10);
  const theirs = await loadTree(pathToFileURL(`${resolve(reference, 'shared')}/`).href);
  const ours = await loadTree(new URL('../shared/', import.meta.url).href);
  const inputs = articles.map((article) => ({
    bytes: new TextEncoder().encode(article.text),
    ...(article.url ? { url: article.url } : {}),
  }));
  const documents = inputs.map(({ bytes, url }) =>
    theirs.clean.cleanDocument({ bytes, contentType: 'text/plain', url }),
  );
  const bodyStarts = documents.map((document) =>
    document.titleLeads && document.title ? document.title.length : 0,
  );
  const prepared: Prepared = {
    inputs,
    texts: documents.map((document) => document.text),
    bodies: documents.map((document, index) => document.text.slice(bodyStarts[index]).replace(/^\n\n/, '')),
    sentences: documents.map((document, index) =>
      theirs.sentences
        .splitSentences(document.text)
        .filter((sentence: { start: number }) => sentence.start >= (bodyStarts[index] as number)),
    ),
    facts: new Map(
      [theirs, ours].map((tree) => [
        tree,
        documents.map((document) => factsOf(tree, document, dateOptionsOf(document))),
      ]),
    ),
  };
  console.log(`bench:stage-pairs against ${reference}, ${pairs} pairs per stage, CPU ms per pass:`);
  for (const stage of stages) {
    // A warm-up pass of each tree first.
    runStage(theirs, stage, prepared);
    runStage(ours, stage, prepared);
    const referenceMs: number[] = [];
    const thisMs: number[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const referenceFirst = pair % 2 === 0;
      if (referenceFirst) referenceMs.push(cpuMs(() => runStage(theirs, stage, prepared)));
      thisMs.push(cpuMs(() => runStage(ours, stage, prepared)));
      if (!referenceFirst) referenceMs.push(cpuMs(() => runStage(theirs, stage, prepared)));
    }
    const ratios = referenceMs.map((ms, index) => ms / (thisMs[index] as number));
    console.log(
      `${stage}: reference ${median(referenceMs).toFixed(1)}, this ${median(thisMs).toFixed(1)}, median ratio ${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x)`,
    );
  }
}

await main();
