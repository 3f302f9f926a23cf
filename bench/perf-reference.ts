/**
 * `npm run bench:perf-reference -- REFERENCE [ROUNDS]`: issue 12's speed budgets, scaled to this host. Runs
 * `npm run bench:perf` in this tree and in REFERENCE (a checkout of c747804, the first commit with bench:perf, with
 * its own node_modules: `git worktree add --detach ../c747804 c747804 && cd ../c747804 && npm ci`), alternating
 * which goes first (default 2 rounds), reads each tree's `bench/results/perf.json`, and prints the core and CLI
 * figures of both, their ratio, and the budgets scaled by how fast this host runs the reference's CLI against the
 * issue's 110 articles per CPU s (bench/perf-normalise.ts). The same code moved 1.7x in one session on one host
 * with nothing else running (README, Performance budgets), so this is the figure that carries between hosts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNote, median } from './measure.ts';
import { normalisedVerdict, type PerfFigures } from './perf-normalise.ts';

const HERE = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_ROUNDS = 2;

interface PerfJson {
  readonly budgets: { readonly coreArticlesPerSecond: number; readonly cliArticlesPerSecond: number };
  readonly core: { readonly articlesPerCpuSecond: number };
  readonly cli: { readonly articlesPerCpuSecond: number };
}

function runPerf(root: string): { figures: PerfFigures; json: PerfJson } {
  const run = spawnSync('npm', ['run', 'bench:perf'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`bench:perf failed in ${root}: ${run.stderr.slice(-2000)}`);
  const json = JSON.parse(readFileSync(join(root, 'bench/results/perf.json'), 'utf8')) as PerfJson;
  return {
    json,
    figures: {
      coreArticlesPerSecond: json.core.articlesPerCpuSecond,
      cliArticlesPerSecond: json.cli.articlesPerCpuSecond,
    },
  };
}

function main(): void {
  const [referenceArg, roundsArg] = process.argv.slice(2);
  if (referenceArg === undefined) {
    console.error('usage: npm run bench:perf-reference -- REFERENCE [ROUNDS]');
    process.exit(2);
  }
  const reference = resolve(referenceArg);
  const rounds = Number(roundsArg ?? DEFAULT_ROUNDS);
  const here: PerfFigures[] = [];
  const there: PerfFigures[] = [];
  let budgets: PerfJson['budgets'] | undefined;
  console.log(`bench:perf-reference, ${loadNote()}: this tree against ${reference}, ${rounds} rounds`);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['here', 'there'] : ['there', 'here'];
    for (const tree of order) {
      const { figures, json } = runPerf(tree === 'here' ? HERE : reference);
      (tree === 'here' ? here : there).push(figures);
      if (tree === 'here') budgets = json.budgets;
      console.log(
        `round ${round + 1} ${tree === 'here' ? 'this tree' : 'reference'}: core ${figures.coreArticlesPerSecond.toFixed(0)}, ` +
          `CLI ${figures.cliArticlesPerSecond.toFixed(0)} articles per CPU s (${loadNote()})`,
      );
    }
  }
  const medianOf = (runs: PerfFigures[]): PerfFigures => ({
    coreArticlesPerSecond: median(runs.map((run) => run.coreArticlesPerSecond)),
    cliArticlesPerSecond: median(runs.map((run) => run.cliArticlesPerSecond)),
  });
  const tree = medianOf(here);
  const ref = medianOf(there);
  const verdict = normalisedVerdict(budgets as PerfJson['budgets'], ref, tree);
  const holds = (ok: boolean) => (ok ? 'holds' : 'DOES NOT HOLD');
  console.log(
    `medians: core ${tree.coreArticlesPerSecond.toFixed(0)} against ${ref.coreArticlesPerSecond.toFixed(0)} ` +
      `(${(tree.coreArticlesPerSecond / ref.coreArticlesPerSecond).toFixed(2)}x), CLI ${tree.cliArticlesPerSecond.toFixed(0)} ` +
      `against ${ref.cliArticlesPerSecond.toFixed(0)} (${(tree.cliArticlesPerSecond / ref.cliArticlesPerSecond).toFixed(2)}x)`,
  );
  console.log(
    `this host runs the reference's CLI at ${verdict.hostFactor.toFixed(2)}x issue 12's 110: core budget ` +
      `${verdict.budgets.coreArticlesPerSecond.toFixed(0)} (${holds(verdict.coreHolds)}), CLI budget ` +
      `${verdict.budgets.cliArticlesPerSecond.toFixed(0)} (${holds(verdict.cliHolds)})`,
  );
}

main();
