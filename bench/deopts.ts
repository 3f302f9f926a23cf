/**
 * `npm run bench:deopts -- [--reference TREE] [--runs N] [--top N] [--only PATH] [--points]`: V8's TurboFan compiles and
 * deoptimisations per function in one `precis process --jsonl` run over bench:perf's 1,400 CNN/DM articles
 * (the CLI as built, its own V8 flags, in a fresh process run with `--log-code --log-deopt`). Each function is
 * named by its source file and name, through the bundle's source maps; the table gives its compiles, its
 * deopts and their reasons (`wrong map`: an object of a shape the optimised code was not made for). A function
 * compiled more than once was deoptimised and compiled again: V8's warm-up in the CLI's first pass. With
 * `--reference`, the same run of another checkout of precis (with its own node_modules) side by side, the runs
 * of the two trees interleaved; `--runs N` gives the mean of N runs each; `--only` keeps the functions whose
 * file starts with PATH (and sums them); `--points` lists where each deopt happened (the innermost inlined
 * position). V8 compiles on a thread of its own, concurrently, so counts move between runs: compare means.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLI_ARTICLES, withCliArticles } from './cli-articles.ts';
import { readCnndmArticles } from './cnndm.ts';
import { loadNote } from './measure.ts';
import {
  byChurn,
  type DeoptLog,
  type FunctionDeopts,
  formatCounts,
  functionNameAt,
  type Resolve,
  readDeoptLog,
} from './v8-log.ts';

const HERE = fileURLToPath(new URL('../', import.meta.url));
const LOG_FLAGS = ['--log-code', '--log-deopt', '--no-logfile-per-isolate'];

/** Resolves the log's bundle positions through the source maps beside each bundle file of `root`. */
function sourceResolver(root: string): Resolve {
  const maps = new Map<string, SourceMap | undefined>();
  const sources = new Map<string, string[]>();
  return (location) => {
    const match = /^(?:file:\/\/)?(.+):(\d+):(\d+)$/.exec(location);
    if (match === null) return undefined;
    const [, file = '', line, column] = match;
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      maps.set(
        file,
        existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined,
      );
    }
    const found = maps.get(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (found === undefined || !('originalSource' in found)) return undefined;
    const source = resolve(dirname(file), found.originalSource);
    if (!sources.has(source))
      sources.set(source, existsSync(source) ? readFileSync(source, 'utf8').split('\n') : []);
    const text = sources.get(source)?.[found.originalLine] ?? '';
    return {
      file: relative(root, source),
      line: found.originalLine + 1,
      name: functionNameAt(text, found.originalColumn),
    };
  };
}

/** One CLI run of `root` over `file` under the log flags: the log, read. */
function runLogged(root: string, file: string): DeoptLog {
  const directory = mkdtempSync(join(tmpdir(), 'precis-deopts-'));
  try {
    const logfile = join(directory, 'v8.log');
    const run = spawnSync(
      process.execPath,
      [...LOG_FLAGS, `--logfile=${logfile}`, join(root, 'bin/precis.js'), 'process', '--jsonl', file],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
    if (run.status !== 0)
      throw new Error(`${root}: precis process --jsonl failed: ${run.stderr.slice(-2000)}`);
    return readDeoptLog(readFileSync(logfile, 'utf8'), sourceResolver(root));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Several runs' logs as one: counts summed (divide by the runs for a mean). */
function sumLogs(logs: readonly DeoptLog[]): DeoptLog {
  const functions = new Map<string, FunctionDeopts>();
  const reasons = new Map<string, number>();
  for (const log of logs) {
    for (const [key, counts] of log.functions) {
      const sum = functions.get(key) ?? {
        key,
        compiles: 0,
        deopts: 0,
        reasons: new Map(),
        points: new Map(),
      };
      sum.compiles += counts.compiles;
      sum.deopts += counts.deopts;
      for (const [reason, count] of counts.reasons) addCount(sum.reasons, reason, count);
      for (const [point, count] of counts.points) addCount(sum.points, point, count);
      functions.set(key, sum);
    }
    for (const [reason, count] of log.reasons) addCount(reasons, reason, count);
  }
  const total = (pick: (log: DeoptLog) => number) => logs.reduce((sum, log) => sum + pick(log), 0);
  return { functions, reasons, compiles: total((log) => log.compiles), deopts: total((log) => log.deopts) };
}

const addCount = (counts: Map<string, number>, key: string, count: number): void => {
  counts.set(key, (counts.get(key) ?? 0) + count);
};

/** `n` per run, to one decimal when there are several runs. */
const perRun = (n: number, runs: number): string => (runs === 1 ? String(n) : (n / runs).toFixed(1));

const scaled = (counts: ReadonlyMap<string, number>, runs: number): Map<string, number> =>
  new Map([...counts].map(([what, count]) => [what, Number(perRun(count, runs))]));

/** The totals of a run (or the mean of several), over every function and over those under `only`. */
function totals(name: string, logs: readonly DeoptLog[], only: string): string {
  const runs = logs.length;
  const lines = logs.map(
    (log) =>
      `${log.compiles} TurboFan compiles of ${log.functions.size} functions, ${log.deopts} deopts (${formatCounts(log.reasons)})`,
  );
  const sum = sumLogs(logs);
  const under = [...sum.functions.values()].filter((counts) => counts.key.startsWith(only));
  const compiles = under.reduce((total, counts) => total + counts.compiles, 0);
  const deopts = under.reduce((total, counts) => total + counts.deopts, 0);
  const scope =
    only === '' ? '' : `; under ${only}: ${perRun(compiles, runs)} compiles, ${perRun(deopts, runs)} deopts`;
  return `${name}: ${lines.join('; ')}${runs > 1 ? `; mean ${perRun(sum.compiles, runs)} compiles, ${perRun(sum.deopts, runs)} deopts` : ''}${scope}`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      reference: { type: 'string' },
      runs: { type: 'string', default: '1' },
      top: { type: 'string', default: '30' },
      only: { type: 'string', default: '' },
      points: { type: 'boolean', default: false },
    },
  });
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  const trees = [{ name: 'this', root: HERE }];
  if (values.reference !== undefined) trees.push({ name: 'reference', root: resolve(values.reference) });
  for (const tree of trees)
    spawnSync(process.execPath, [join(tree.root, 'bin/build.js')], { stdio: 'inherit' });
  const runs = Number(values.runs);
  console.log(
    `bench:deopts, precis process --jsonl over ${CLI_ARTICLES} articles, ${runs} run(s) per tree (interleaved); ${loadNote()}`,
  );
  const logs = trees.map((): DeoptLog[] => []);
  withCliArticles(articles, (file) => {
    for (let run = 0; run < runs; run++)
      trees.forEach((tree, index) => {
        logs[index]?.push(runLogged(tree.root, file));
      });
  });
  trees.forEach((tree, index) => {
    console.log(totals(tree.name, logs[index] ?? [], values.only));
  });
  const [mine, reference] = logs.map(sumLogs) as [DeoptLog, DeoptLog | undefined];
  const keys = [...new Set([...byChurn(mine), ...(reference ? byChurn(reference) : [])].map((f) => f.key))]
    .filter((key) => key.startsWith(values.only))
    .slice(0, Number(values.top));
  const header = reference
    ? '| function | compiles | deopts | reasons | reference compiles | deopts | reasons |\n|---|---|---|---|---|---|---|'
    : '| function | compiles | deopts | reasons |\n|---|---|---|---|';
  console.log(runs > 1 ? `Counts per run (mean of ${runs}):\n${header}` : header);
  for (const key of keys) {
    const cells = [mine, reference]
      .filter((log) => log !== undefined)
      .flatMap((log) => {
        const counts = log.functions.get(key);
        if (counts === undefined) return ['0', '0', ''];
        return [
          perRun(counts.compiles, runs),
          perRun(counts.deopts, runs),
          formatCounts(scaled(counts.reasons, runs)),
        ];
      });
    console.log(`| ${key} | ${cells.join(' | ')} |`);
  }
  if (!values.points) return;
  for (const key of keys) {
    const counts = mine.functions.get(key);
    if (counts === undefined || counts.deopts === 0) continue;
    console.log(`${key}:\n  ${formatCounts(scaled(counts.points, runs)).replaceAll(', ', '\n  ')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
