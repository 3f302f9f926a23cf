/**
 * `npm run bench:cli-pairs -- REFERENCE [PAIRS]`: `precis process --jsonl` over bench:perf's 1,400 CNN/DM
 * articles (the 268 repeated), this tree's CLI against that of another checkout of precis (REFERENCE, a worktree
 * with its own node_modules, e.g. one made with `git worktree add --detach ../ref COMMIT && cd ../ref && npm
 * ci`), in interleaved pairs of fresh processes (which tree goes first alternates; default 3 pairs). Each run's
 * CPU time is GNU time's user + system of the child, summed over its threads, start-up included, as bench:perf
 * counts it. Prints each pair, the median of each tree, the median of the pairs' ratios (reference / this: above
 * 1 is faster here) and the load; and checks that every run wrote the same 1,400 Results as the reference's
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
  const ratios: number[] = [];
  let expected: string[] | undefined;
  let differing = 0;
  withCliArticles(articles, (file) => {
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 === 0 ? trees : ([trees[1], trees[0]] as const);
      const runs = new Map<string, ReturnType<typeof runCli>>();
      for (const tree of order) {
        const run = runCli(tree, file);
        runs.set(tree.name, run);
        if (tree.name === 'reference' && expected === undefined) expected = run.results;
      }
      const ours = runs.get('this') as ReturnType<typeof runCli>;
      const theirs = runs.get('reference') as ReturnType<typeof runCli>;
      for (const run of [theirs, ours]) {
        const ids = differences(expected as string[], run.results);
        if (ids.length > 0) {
          differing += 1;
          console.log(
            `  ${ids.length} Results differ from the reference's first run: ${ids.slice(0, 5).join(', ')}`,
          );
        }
      }
      seconds.this.push(ours.cpuSeconds);
      seconds.reference.push(theirs.cpuSeconds);
      ratios.push(theirs.cpuSeconds / ours.cpuSeconds);
      const rate = (run: { cpuSeconds: number }) => (CLI_ARTICLES / run.cpuSeconds).toFixed(0);
      console.log(
        `pair ${pair + 1} (${order[0].name} first): this ${ours.cpuSeconds.toFixed(2)} CPU s (${rate(ours)} articles/CPU s, ` +
          `peak ${ours.peakMiB.toFixed(0)} MiB), reference ${theirs.cpuSeconds.toFixed(2)} (${rate(theirs)}, ` +
          `${theirs.peakMiB.toFixed(0)} MiB): ${(theirs.cpuSeconds / ours.cpuSeconds).toFixed(3)}x; ${loadNote()}`,
      );
    }
  });
  const rate = (cpuSeconds: number) => (CLI_ARTICLES / cpuSeconds).toFixed(0);
  console.log(
    `median: this ${median(seconds.this).toFixed(2)} CPU s (${rate(median(seconds.this))} articles/CPU s), ` +
      `reference ${median(seconds.reference).toFixed(2)} (${rate(median(seconds.reference))}); ` +
      `median ratio ${median(ratios).toFixed(3)}x (${Math.min(...ratios).toFixed(3)}x to ${Math.max(...ratios).toFixed(3)}x)`,
  );
  console.log(
    differing === 0
      ? `output: all ${pairs * 2} runs wrote the reference's ${expected?.length} Results, identical but for processedAt`
      : `output: ${differing} runs differ from the reference (above)`,
  );
  if (differing > 0) process.exitCode = 1;
}

main();
