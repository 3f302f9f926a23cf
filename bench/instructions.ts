/**
 * `npm run bench:instructions -- [--stage STAGE] [--articles N] [--reference DIR] [--runs R] [--jobs J] [--keep]
 * [--node-flags=FLAGS]`:
 * the instructions a stage of the pipeline executes per article, counted by valgrind's callgrind, for this tree
 * and (with `--reference`) another checkout of precis with its own node_modules, with their ratio. Unlike CPU
 * time on this shared 2-core host (1.6x between sittings), an instruction count does not depend on the load:
 * two runs of one tree agree within about 1% (core's steady pass 0.07%-1.0% at load 9-18), so changes of a few
 * percent show.
 *
 * Each run is the real Node binary (node_modules/node, not `npx`, which valgrind would measure instead) under
 * `valgrind --tool=callgrind`. STAGE is one of bench/stage-runner.ts's (clean, language, sentences, summary,
 * keyphrases, ner, entities, dates, numbers, quotes, ground, core = processArticle; default core), run by
 * bench/instructions-driver.ts over N CNN/DM dev articles spread over the 268, in four passes: the first warms
 * V8 (its interpreter, its compilers, the regular expressions' compilation: what a fresh process pays), the
 * least of the other three is the steady state (a collection or a late compilation adds to one pass now and
 * then; the least is the most repeatable). The driver marks the parts of the run by calling a libuv function that nothing
 * else calls, and callgrind (`--dump-before`) counts each part apart: start-up and preparation (tsx, module
 * loading, and the stages before STAGE that make its inputs, which are left out), each pass, exit; with the
 * CLI's V8 flags. Or STAGE `cli`: `node bin/precis.js process --jsonl` (the compiled CLI, as users run it, with its
 * own V8 flags) over files of 0, N and 2N articles (the N twice): pass 1 = (N - 0) / N, steady = (2N - N) / N,
 * start-up = the 0-article run, whole process = the N run; the CLI is first run once outside valgrind, so that
 * it is built and Node's compile cache holds it, as in any run after the first.
 *
 * Counted: every thread of the process, so V8's background threads (its optimising compiler, concurrent
 * marking and sweeping, which callgrind runs one at a time with the main thread) are in the figures, as they
 * are in CPU time. Not counted: time spent waiting, the kernel, and the esbuild service tsx runs as a child
 * process (valgrind does not follow children). An instruction is not a nanosecond (cache misses, branch
 * mispredictions and vector instructions weigh differently), so confirm a large change with bench:stage-pairs.
 * `--runs R` runs each tree R times (the spread, max - min over the mean, shows how repeatable a figure is);
 * `--keep` keeps callgrind's files (for callgrind_annotate); `--node-flags=...` adds Node or V8 flags.
 * Default N: 50 for a stage (core about 2 minutes of CPU per tree under valgrind, a facts stage about one), 20
 * for the CLI (its three runs about 3 minutes). Runs of the two trees go two at a time (`--jobs`): the counts do
 * not depend on the load, so on this host a run takes its CPU time several times over in wall time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { V8_FLAGS } from '../infra/function-sizing.ts';
import { readCallgrindParts } from './callgrind.ts';
import { canMeasureChildren, GNU_TIME, readUsage, USAGE_FORMAT } from './child-usage.ts';
import { type CnndmArticle, readCnndmArticles } from './cnndm.ts';
import { loadNote } from './measure.ts';
import { isStage, STAGES, spreadOver } from './stage-runner.ts';

const HERE = fileURLToPath(new URL('../', import.meta.url));
/** Passes of a stage in one process: the first warms V8, the least of the others is its steady state. */
const PASSES = 4;
/** The libuv function the driver calls between parts (os.getPriority). */
const MARKER = 'uv_os_getpriority';

interface Counted {
  readonly tree: string;
  readonly run: number;
  /** Instructions, whole counts: start-up and preparation, each pass (per article), the whole process. */
  readonly startup: number;
  readonly firstPerArticle: number;
  readonly secondPerArticle: number;
  readonly whole: number;
  /** The valgrind runs' CPU time (user + system, GNU time) and wall time. */
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
}

/** The real Node binary of `root`'s node_modules (the `node` package), not its `npx` or shell wrapper. */
function nodeOf(root: string): string {
  const found = spawnSync('readlink', ['-f', join(root, 'node_modules/.bin/node')], { encoding: 'utf8' });
  const binary = found.stdout.trim();
  if (found.status !== 0 || binary === '')
    throw new Error(`no node_modules/.bin/node in ${root}: npm ci there`);
  return binary;
}

/** The environment of the measured processes: this one's, without NODE_OPTIONS (tsx's or the user's). */
function childEnvironment(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return rest;
}

/** Runs `command args` under callgrind in `cwd`; returns the instructions of each part, in order. */
function callgrind(command: string, args: readonly string[], cwd: string, keep: boolean) {
  const directory = mkdtempSync(join(tmpdir(), 'precis-callgrind-'));
  const timed = canMeasureChildren() ? [GNU_TIME, '-f', USAGE_FORMAT] : [];
  const started = Date.now();
  return new Promise<{ parts: number[]; stdout: string; cpuSeconds: number; wallSeconds: number }>(
    (done, fail) => {
      const child = spawn(
        timed[0] ?? 'valgrind',
        [
          ...timed.slice(1),
          ...(timed.length > 0 ? ['valgrind'] : []),
          '--tool=callgrind',
          `--callgrind-out-file=${join(directory, 'callgrind.out.%p')}`,
          `--dump-before=${MARKER}`,
          command,
          ...args,
        ],
        { cwd, env: childEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        if (stdout.length < 1_000_000) stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-20_000);
      });
      child.on('error', fail);
      child.on('close', (status) => {
        try {
          if (status !== 0)
            throw new Error(`valgrind ${command} ${args.join(' ')} exited ${status}: ${stderr}`);
          const parts = readCallgrindParts(directory).map((part) => part.instructions);
          const usage = readUsage(stderr);
          done({
            parts,
            stdout,
            cpuSeconds: usage?.cpuSeconds ?? Number.NaN,
            wallSeconds: usage?.wallSeconds ?? (Date.now() - started) / 1000,
          });
        } catch (error) {
          fail(error);
        } finally {
          if (keep) console.log(`  callgrind files kept in ${directory}`);
          else rmSync(directory, { recursive: true, force: true });
        }
      });
    },
  );
}

/** One run of `stage` of the tree at `root` through bench/instructions-driver.ts. */
async function countStage(
  name: string,
  root: string,
  stage: string,
  articles: number,
  run: number,
  options: Options,
) {
  const driver = join(HERE, 'bench/instructions-driver.ts');
  const args = [
    ...V8_FLAGS,
    ...options.nodeFlags,
    '--import',
    'tsx',
    driver,
    root,
    stage,
    String(articles),
    String(PASSES),
  ];
  const { parts, stdout, cpuSeconds, wallSeconds } = await callgrind(nodeOf(HERE), args, HERE, options.keep);
  if (parts.length !== PASSES + 2)
    throw new Error(
      `${name}: expected ${PASSES + 2} callgrind parts (start-up, passes, exit), got ${parts.length}`,
    );
  const counted = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}').articles as number;
  const [startup = 0, first = 0, ...steady] = parts.slice(0, -1);
  return {
    tree: name,
    run,
    startup,
    firstPerArticle: first / counted,
    secondPerArticle: Math.min(...steady) / counted,
    whole: parts.reduce((sum, part) => sum + part, 0),
    cpuSeconds,
    wallSeconds,
  } satisfies Counted;
}

/** A `--jsonl` file of `articles` (ids `<id>#<line>`, as bench:cli-pairs writes them). */
function writeJsonl(directory: string, articles: readonly CnndmArticle[]): string {
  const file = join(directory, `articles-${articles.length}.jsonl`);
  const lines = articles.map((article, index) =>
    JSON.stringify({ id: `${article.id}#${index}`, text: article.text }),
  );
  writeFileSync(file, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return file;
}

interface Options {
  /** Node or V8 flags for the measured processes, after V8_FLAGS (the CLI's, for the stages). */
  readonly nodeFlags: readonly string[];
  readonly keep: boolean;
}

/** One run of the CLI of the tree at `root`: three callgrind runs, of 0, N and 2N articles. */
async function countCli(
  name: string,
  root: string,
  files: readonly string[],
  articles: number,
  run: number,
  options: Options,
) {
  const node = nodeOf(root);
  const cli = join(root, 'bin/precis.js');
  const totals: number[] = [];
  let cpuSeconds = 0;
  let wallSeconds = 0;
  for (const file of files) {
    const counted = await callgrind(
      node,
      [...options.nodeFlags, cli, 'process', '--jsonl', file],
      root,
      options.keep,
    );
    totals.push(counted.parts.reduce((sum, part) => sum + part, 0));
    cpuSeconds += counted.cpuSeconds;
    wallSeconds += counted.wallSeconds;
  }
  const [none, once, twice] = totals as [number, number, number];
  return {
    tree: name,
    run,
    startup: none,
    firstPerArticle: (once - none) / articles,
    secondPerArticle: (twice - once) / articles,
    whole: once,
    cpuSeconds,
    wallSeconds,
  } satisfies Counted;
}

/** Runs `tasks` with at most `jobs` at a time; their results in order. */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], jobs: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results;
}

const millions = (value: number) => (value / 1e6).toFixed(1);
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** (max - min) / mean, in percent: how far runs of one tree disagree. */
const spread = (values: readonly number[]) =>
  values.length < 2
    ? '-'
    : `${((100 * (Math.max(...values) - Math.min(...values))) / mean(values)).toFixed(2)}%`;

const FIGURES = [
  ['start-up', (counted: Counted) => counted.startup],
  ['pass 1 per article', (counted: Counted) => counted.firstPerArticle],
  ['steady pass per article', (counted: Counted) => counted.secondPerArticle],
  ['whole process', (counted: Counted) => counted.whole],
] as const;

function report(results: readonly Counted[], articles: number): void {
  console.log(
    `\nmillions of instructions (callgrind Ir, all threads): ${FIGURES.map(([label]) => label).join(' | ')} | CPU s, wall s of the run`,
  );
  for (const counted of results) {
    const figures = FIGURES.map(([, figure]) => millions(figure(counted))).join(' | ');
    console.log(
      `${counted.tree} run ${counted.run}: ${figures} | ${counted.cpuSeconds.toFixed(0)}, ${counted.wallSeconds.toFixed(0)}`,
    );
  }
  const trees = [...new Set(results.map((counted) => counted.tree))];
  const meanOf = (tree: string, figure: (counted: Counted) => number) =>
    mean(results.filter((counted) => counted.tree === tree).map(figure));
  for (const tree of trees) {
    const runs = results.filter((counted) => counted.tree === tree);
    const wholePerArticle = meanOf(tree, (counted) => counted.whole) / articles;
    console.log(
      `${tree}, mean of ${runs.length}: ${FIGURES.map(([label, figure]) => `${label} ${millions(meanOf(tree, figure))}`).join(', ')} ` +
        `(${millions(wholePerArticle)} per article); spread (max - min) / mean: ` +
        FIGURES.map(([label, figure]) => `${label} ${spread(runs.map(figure))}`).join(', '),
    );
  }
  if (trees.length === 2) {
    const ratios = FIGURES.map(
      ([label, figure]) => `${label} ${(meanOf('reference', figure) / meanOf('this', figure)).toFixed(4)}x`,
    );
    console.log(`ratio reference / this (above 1: fewer instructions here): ${ratios.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string', default: 'core' },
      articles: { type: 'string' },
      reference: { type: 'string' },
      runs: { type: 'string', default: '1' },
      jobs: { type: 'string', default: '2' },
      keep: { type: 'boolean', default: false },
      'node-flags': { type: 'string', default: '' },
    },
  });
  const options: Options = {
    nodeFlags: values['node-flags'].split(/\s+/).filter((flag) => flag !== ''),
    keep: values.keep,
  };
  const stage = values.stage;
  if (stage !== 'cli' && !isStage(stage)) {
    console.error(`unknown stage ${stage}: one of ${[...STAGES, 'cli'].join(', ')}`);
    process.exitCode = 2;
    return;
  }
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('valgrind not found (apt-get install -y valgrind): bench:instructions needs it');
    return;
  }
  const all = readCnndmArticles();
  if (all === undefined) return;
  const chosen = spreadOver(all, Number(values.articles ?? (stage === 'cli' ? 20 : 50)));
  const articles = chosen.length;
  const runs = Number(values.runs);
  const trees = [
    { name: 'this', root: HERE },
    ...(values.reference === undefined ? [] : [{ name: 'reference', root: resolve(values.reference) }]),
  ];
  console.log(
    `bench:instructions, stage ${stage}, ${articles} CNN/DM articles, ${runs} run(s) per tree, ` +
      `${values.jobs} at a time${options.nodeFlags.length > 0 ? `, node ${options.nodeFlags.join(' ')}` : ''}; ${loadNote()}`,
  );
  const directory = mkdtempSync(join(tmpdir(), 'precis-instructions-'));
  try {
    const files = [0, 1, 2].map((times) =>
      writeJsonl(directory, Array.from({ length: times }, () => chosen).flat()),
    );
    if (stage === 'cli') {
      // Built if stale, and Node's compile cache written, outside valgrind: every counted run reads it.
      for (const { name, root } of trees) {
        const warm = spawnSync(
          nodeOf(root),
          [join(root, 'bin/precis.js'), 'process', '--jsonl', files[1] as string],
          {
            cwd: root,
            env: childEnvironment(),
            encoding: 'utf8',
            maxBuffer: 1024 * 1024 * 1024,
          },
        );
        if (warm.status !== 0) throw new Error(`${name}: precis process --jsonl failed: ${warm.stderr}`);
      }
    }
    const tasks = Array.from({ length: runs }, (_, run) =>
      trees.map(
        ({ name, root }) =>
          () =>
            stage === 'cli'
              ? countCli(name, root, files, articles, run + 1, options)
              : countStage(name, root, stage, articles, run + 1, options),
      ),
    ).flat();
    const results = await pooled(tasks, Number(values.jobs));
    report(results, articles);
    console.log(loadNote());
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
