/**
 * The pipeline's stages one by one, as `bench:stage-pairs` and `bench:instructions` run them on a tree's
 * `shared/` folder (this checkout's or another's): clean (cleanDocument), language (detectLanguage on the
 * cleaned body), sentences (splitSentences), summary (selectSentences and the headline), keyphrases
 * (extractKeyPhrases), ner (tagEntities on the cleaned text), the facts after NER as extractFacts runs them on
 * the tree's tagged mentions: entities (buildEntities), dates (findDates), numbers (findNumbers), quotes
 * (findQuotes), ground (groundFacts), and core (processArticle).
 */
import type { CnndmArticle } from './cnndm.ts';

export const STAGES = [
  'clean',
  'language',
  'sentences',
  'summary',
  'keyphrases',
  'ner',
  'entities',
  'dates',
  'numbers',
  'quotes',
  'ground',
  'core',
] as const;
export type Stage = (typeof STAGES)[number];

export const isStage = (name: string): name is Stage => (STAGES as readonly string[]).includes(name);

/** The stage functions of the tree whose `shared/` is at `root` (a file URL ending in `/`). */
export async function loadTree(root: string) {
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
export type Tree = Awaited<ReturnType<typeof loadTree>>;

/** What a stage reads, for every article. */
export interface Prepared {
  readonly inputs: readonly { bytes: Uint8Array; url?: string }[];
  readonly documents: readonly CleanedDocument[];
  /** Each article cleaned, its body without a title line, its sentences after it. */
  readonly texts: readonly string[];
  readonly bodies: readonly string[];
  readonly sentences: readonly unknown[][];
  /** Each article's facts as the tree that runs the stage finds them (the inputs of its next facts stage). */
  readonly facts: readonly Facts[];
}

/** What the facts stages read: the cleaned article, and the facts of the stages before each. */
export interface Facts {
  readonly text: string;
  readonly title?: string;
  readonly dateOptions: object;
  readonly mentions: unknown[];
  readonly entities: unknown[];
  readonly dates: unknown[];
  readonly numbers: unknown[];
  readonly quotes: unknown[];
}

export interface CleanedDocument {
  readonly text: string;
  readonly title?: string;
  readonly titleLeads?: boolean;
  readonly publishedAt?: string;
  readonly language?: string;
  readonly region?: string;
  readonly sourceUrl?: string;
}

/** The options extractFacts gives findDates for `document`. */
export function dateOptionsOf(document: CleanedDocument) {
  return {
    ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}),
    ...(document.language ? { locale: document.language } : {}),
    ...(document.region ? { region: document.region } : {}),
    ...(document.sourceUrl ? { url: document.sourceUrl } : {}),
  };
}

/** The facts stages in the order extractFacts runs them, and what each reads. */
const FACT_INPUTS = {
  entities: ['mentions'],
  dates: [],
  numbers: ['dates'],
  quotes: ['mentions', 'entities'],
  ground: ['mentions', 'entities', 'dates', 'numbers', 'quotes'],
} as const;

/**
 * The facts of `document` found by `tree`, stage by stage as extractFacts finds them: all of them, or (with
 * `stage`) only those that stage reads, so that running them does not warm the stage's own code.
 */
export function factsOf(tree: Tree, document: CleanedDocument, stage?: Stage): Facts {
  const { text, title } = document;
  const dateOptions = dateOptionsOf(document);
  const reads: readonly string[] =
    stage === undefined
      ? FACT_INPUTS.ground
      : ((FACT_INPUTS as Record<string, readonly string[]>)[stage] ?? []);
  const needs = (fact: string) => reads.includes(fact);
  const mentions = needs('mentions') ? tree.tag.tagEntities(text) : [];
  const entities = needs('entities') ? tree.entities.buildEntities(text, mentions, { title }) : [];
  const dates = needs('dates') ? tree.dates.findDates(text, dateOptions) : [];
  const numbers = needs('numbers') ? tree.numbers.findNumbers(text, { exclude: dates }) : [];
  const quotes = needs('quotes') ? tree.quotes.findQuotes(text, entities) : [];
  return { text, ...(title ? { title } : {}), dateOptions, mentions, entities, dates, numbers, quotes };
}

/** The articles as the pipeline receives them (plain-text bytes and the URL). */
export const inputsOf = (articles: readonly CnndmArticle[]) =>
  articles.map((article) => ({
    bytes: new TextEncoder().encode(article.text),
    ...(article.url ? { url: article.url } : {}),
  }));

/** Each cleaned document's body: its text without a leading title line. */
function bodyStart(document: CleanedDocument): number {
  return document.titleLeads && document.title ? document.title.length : 0;
}

/**
 * What `stage` reads, prepared by `cleaner` (cleaning and splitting) and `tree` (the facts before the stage),
 * computing only what it needs: nothing for clean and core, the cleaned text for the others.
 */
export function prepare(
  inputs: Prepared['inputs'],
  cleaner: Tree,
  stages: readonly Stage[],
  factsBy: (document: CleanedDocument) => Facts,
): Prepared {
  const cleaned = stages.some((stage) => stage !== 'clean' && stage !== 'core');
  const documents: CleanedDocument[] = cleaned
    ? inputs.map(({ bytes, url }) => cleaner.clean.cleanDocument({ bytes, contentType: 'text/plain', url }))
    : [];
  const split = stages.some((stage) => stage === 'summary' || stage === 'keyphrases');
  return {
    inputs,
    documents,
    texts: documents.map((document) => document.text),
    bodies: documents.map((document) => document.text.slice(bodyStart(document)).replace(/^\n\n/, '')),
    sentences: split
      ? documents.map((document) =>
          cleaner.sentences
            .splitSentences(document.text)
            .filter((sentence: { start: number }) => sentence.start >= bodyStart(document)),
        )
      : [],
    facts: stages.some((stage) => stage in FACT_INPUTS) ? documents.map(factsBy) : [],
  };
}

/** One pass of `stage` of `tree` over every prepared article. */
export function runStage(tree: Tree, stage: Stage, prepared: Prepared): void {
  const { inputs, texts, bodies, sentences, facts } = prepared;
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
    case 'ner':
      for (const text of texts) tree.tag.tagEntities(text);
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

/** `count` of `items`, evenly spread over them (all of them when `count` is at least their number). */
export function spreadOver<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from(
    { length: Math.max(0, count) },
    (_, index) => items[Math.floor((index * items.length) / count)] as T,
  );
}
