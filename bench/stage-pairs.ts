/**
 * `npm run bench:stage-pairs -- REFERENCE [STAGE,...] [PAIRS]`: the stages of this tree against those of
 * another checkout of precis (REFERENCE, a worktree with its own node_modules, e.g. one made with `git worktree
 * add --detach ../ref COMMIT && cd ../ref && npm ci`), both loaded in this one process and timed in interleaved
 * passes over the 268 CNN/DM dev articles: each pair runs one pass of each tree (which goes first alternates),
 * CPU time of the pass. Prints per stage the median pass of each tree and the median of the pairs' ratios
 * (reference / this: above 1 is faster here). Stages: clean (cleanDocument), language (detectLanguage on the
 * cleaned text), sentences (splitSentences), summary (selectSentences and the headline), keyphrases
 * (extractKeyPhrases) and core (processArticle); default all but core. On a shared machine, pairs in one
 * process see the same load, so their ratio means more than either tree's time.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCnndmArticles } from './cnndm.ts';
import { median } from './measure.ts';

const STAGES = ['clean', 'language', 'sentences', 'summary', 'keyphrases', 'core'] as const;
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
}

function runStage(tree: Tree, stage: Stage, prepared: Prepared): void {
  const { inputs, texts, bodies, sentences } = prepared;
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
