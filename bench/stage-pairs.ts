/**
 * `npm run bench:stage-pairs -- REFERENCE [STAGE,...] [PAIRS]`: the stages of this tree against those of
 * another checkout of precis (REFERENCE, a worktree with its own node_modules, e.g. one made with `git worktree
 * add --detach ../ref COMMIT && cd ../ref && npm ci`), both loaded in this one process and timed in interleaved
 * passes over the 268 CNN/DM dev articles, CPU time of the pass. Each pair is mirrored, four passes in A B B A
 * order (which tree opens alternates from pair to pair), and its ratio is the reference's two passes over this
 * tree's two, so a load that rises or falls steadily during the pair weighs on both trees alike. Prints per stage
 * the median pass of each tree, the median of the pairs' ratios (reference / this: above 1 is faster here) with
 * their range, and the geometric mean of the ratios with its 95% confidence interval (a bootstrap over the
 * pairs, bench/bootstrap.ts). Stages (bench/stage-runner.ts): clean, language, sentences, summary, keyphrases, ner,
 * entities, dates, numbers, quotes, ground, and core (processArticle); default all but core. Every stage reads the
 * reference's cleaned text and sentences, and each tree's facts stages read the facts its own earlier stages
 * found, as in processArticle. On a shared machine, passes in one process see about the same load, so their
 * ratio means more than either tree's time; for changes under ~5%, count instructions (bench:instructions).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCnndmArticles } from './cnndm.ts';
import { median } from './measure.ts';
import { describeRatios, pairRatios } from './pair-ratios.ts';
import {
  factsOf,
  inputsOf,
  isStage,
  loadTree,
  type Prepared,
  prepare,
  runStage,
  STAGES,
  type Stage,
  type Tree,
} from './stage-runner.ts';

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
  const named: string[] = stageList?.split(',') ?? STAGES.filter((stage) => stage !== 'core');
  const stages = named.filter(isStage);
  if (stages.length < named.length) {
    console.error(`unknown stage in ${stageList}: the stages are ${STAGES.join(', ')}`);
    process.exit(2);
  }
  const pairs = Number(pairList ?? 10);
  const theirs = await loadTree(pathToFileURL(`${resolve(reference, 'shared')}/`).href);
  const ours = await loadTree(new URL('../shared/', import.meta.url).href);
  const theirPrepared = prepare(inputsOf(articles), theirs, stages, (document) => factsOf(theirs, document));
  const prepared = new Map<Tree, Prepared>([
    [theirs, theirPrepared],
    [
      ours,
      {
        ...theirPrepared,
        facts:
          theirPrepared.facts.length > 0
            ? theirPrepared.documents.map((document) => factsOf(ours, document))
            : [],
      },
    ],
  ]);
  const pass = (tree: Tree, stage: Stage) =>
    cpuMs(() => runStage(tree, stage, prepared.get(tree) as Prepared));
  console.log(
    `bench:stage-pairs against ${reference}, ${pairs} mirrored pairs (A B B A) per stage, CPU ms per pass:`,
  );
  for (const stage of stages) {
    // A warm-up pass of each tree first.
    pass(theirs, stage);
    pass(ours, stage);
    const referenceMs: number[] = [];
    const thisMs: number[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const referenceFirst = pair % 2 === 0;
      const order = referenceFirst ? [theirs, ours, ours, theirs] : [ours, theirs, theirs, ours];
      let referenceSum = 0;
      let thisSum = 0;
      for (const tree of order) {
        const ms = pass(tree, stage);
        if (tree === theirs) referenceSum += ms;
        else thisSum += ms;
      }
      referenceMs.push(referenceSum / 2);
      thisMs.push(thisSum / 2);
    }
    console.log(
      `${stage}: reference ${median(referenceMs).toFixed(1)}, this ${median(thisMs).toFixed(1)}, ${describeRatios(pairRatios(referenceMs, thisMs))}`,
    );
  }
}

await main();
