/**
 * `npm run bench:cli-pairs -- REFERENCE [PAIRS]`: `precis process --jsonl` over bench:perf's 1,400 CNN/DM
 * articles (the 268 repeated), this tree's CLI against that of another checkout of precis (REFERENCE, a worktree
 * with its own node_modules, e.g. one made with `git worktree add --detach ../ref COMMIT && cd ../ref && npm
 * ci`), in mirrored pairs of fresh processes (four runs, A B B A, the opening tree alternating from pair to
 * pair; default 3 pairs; a pair's time for each tree is the mean of its two runs). Each run's CPU time is GNU
 * time's user + system of the child, summed over its threads, start-up included, as bench:perf counts it. Prints each pair, the median of each tree, the median of the pairs' ratios (reference / this: above
 * 1 is faster here) with their range, their geometric mean with a 95% bootstrap interval over the pairs
 * (bench/pair-ratios.ts), and the load; and checks that every run wrote the same 1,400 Results as the reference's
 * first run but for `processedAt`, naming the first that differ. On a shared machine, pairs see about the same
 * load, so their ratio means more than either tree's time.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canMeasureChildren, runMeasured } from './child-usage.ts';
import { CLI_ARTICLES, withCliArticles } from './cli-articles.ts';
import { readCnndmArticles } from './cnndm.ts';
import { loadNote, median } from './measure.ts';
import { describeRatios, pairRatios } from './pair-ratios.ts';

const HERE = fileURLToPath(new URL('../', import.meta.url));

interface Tree {
  readonly name: string;
  readonly root: string;
}

/** Each Result line of a run without its `processedAt`, which is the only field that may differ. */
const comparable = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.stringify({ ...JSON.parse(line), processedAt: undefined }));

function runCli(tree: Tree, file: string) {
  const run = runMeasured(process.execPath, [join(tree.root, 'bin/precis.js'), 'process', '--jsonl', file], {
    cwd: tree.root,
  });
  if (run.status !== 0)
    throw new Error(`${tree.name}: precis process --jsonl failed: ${run.stderr.slice(-2000)}`);
  return { cpuSeconds: run.cpuSeconds, peakMiB: run.peakMiB, results: comparable(run.stdout) };
}

/** The ids of the Results that differ from the expected ones (or are missing), the first few. */
function differences(expected: readonly string[], actual: readonly string[]): string[] {
  const ids: string[] = [];
  for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
    if (expected[index] === actual[index]) continue;
    ids.push(JSON.parse(expected[index] ?? actual[index] ?? '{}').id ?? `line ${index + 1}`);
  }
  return ids;
}

function main(): void {
  const [reference, pairArgument = '3'] = process.argv.slice(2);
  if (reference === undefined) {
    console.log('usage: npm run bench:cli-pairs -- REFERENCE [PAIRS]');
    process.exitCode = 2;
    return;
  }
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  if (!canMeasureChildren()) {
    console.log('/usr/bin/time not found (apt-get install -y time): the CLI figures need it');
    return;
  }
  const trees: readonly [Tree, Tree] = [
    { name: 'this', root: HERE },
    { name: 'reference', root: resolve(reference) },
  ];
  // Fresh builds, so each tree runs its own code as it is (and the builds are not timed).
  for (const tree of trees)
    spawnSync(process.execPath, [join(tree.root, 'bin/build.js')], { stdio: 'inherit' });
  const pairs = Number(pairArgument);
  console.log(
    `bench:cli-pairs, ${pairs} pairs of precis process --jsonl over ${CLI_ARTICLES} articles; ${loadNote()}`,
  );
  const seconds = { this: [] as number[], reference: [] as number[] };
  let expected: string[] | undefined;
  let differing = 0;
  withCliArticles(articles, (file) => {
    for (let pair = 0; pair < pairs; pair++) {
      // Mirrored: A B B A, the opening tree alternating from pair to pair.
      const [first, second] = pair % 2 === 0 ? trees : ([trees[1], trees[0]] as const);
      const runs = new Map<string, ReturnType<typeof runCli>[]>([
        ['this', []],
        ['reference', []],
      ]);
      const order = [first, second, second, first];
      const results = order.map((tree) => {
        const run = runCli(tree, file);
        runs.get(tree.name)?.push(run);
        if (tree.name === 'reference' && expected === undefined) expected = run.results;
        return run.results;
      });
      for (const written of results) {
        const ids = differences(expected as string[], written);
        if (ids.length > 0) {
          differing += 1;
          console.log(
            `  ${ids.length} Results differ from the reference's first run: ${ids.slice(0, 5).join(', ')}`,
          );
        }
      }
      const cpu = (name: string) => {
        const both = runs.get(name) ?? [];
        return both.reduce((sum, run) => sum + run.cpuSeconds, 0) / both.length;
      };
      const peak = (name: string) => Math.max(...(runs.get(name) ?? []).map((run) => run.peakMiB));
      const ours = cpu('this');
      const theirs = cpu('reference');
      seconds.this.push(ours);
      seconds.reference.push(theirs);
      const rate = (cpuSeconds: number) => (CLI_ARTICLES / cpuSeconds).toFixed(0);
      console.log(
        `pair ${pair + 1} (${first.name} ${second.name} ${second.name} ${first.name}): this ${ours.toFixed(2)} CPU s ` +
          `(${rate(ours)} articles/CPU s, peak ${peak('this').toFixed(0)} MiB), reference ${theirs.toFixed(2)} ` +
          `(${rate(theirs)}, ${peak('reference').toFixed(0)} MiB): ${(theirs / ours).toFixed(3)}x; ${loadNote()}`,
      );
    }
  });
  const rate = (cpuSeconds: number) => (CLI_ARTICLES / cpuSeconds).toFixed(0);
  console.log(
    `median: this ${median(seconds.this).toFixed(2)} CPU s (${rate(median(seconds.this))} articles/CPU s), ` +
      `reference ${median(seconds.reference).toFixed(2)} (${rate(median(seconds.reference))}); ` +
      describeRatios(pairRatios(seconds.reference, seconds.this), 3),
  );
  console.log(
    differing === 0
      ? `output: all ${pairs * 4} runs wrote the reference's ${expected?.length} Results, identical but for processedAt`
      : `output: ${differing} runs differ from the reference (above)`,
  );
  if (differing > 0) process.exitCode = 1;
}

main();
