/**
 * Cold start of the process function: its bundle built as the stack builds it (infra/bundling.ts), weighed
 * (code, source map, data), then imported in fresh Node processes (module init, which decodes the NER model)
 * beside a minimal bundle with only the AWS SDK clients and an empty one (Node's own floor), in the same run.
 * CPU time of the import, of the model loads and the rest of a first article (medians of several processes),
 * and of the whole process; with `instructions`, also instruction counts from valgrind's callgrind, which do
 * not move with the machine's load. Then the process bundle's first real invocation: its handler on SQS events
 * of the local stack (bench/first-invocation.ts), where the SDK's first requests are paid too. With
 * `--reference DIR` (a checkout of another commit, with its node_modules), that commit's process bundle instead
 * of the invocations, built the same way and interleaved with this one's: the A/B pairs of a cold-start change.
 *
 *   npm run bench:cold-start [-- --instructions] [-- --reference DIR --processes N --first-article FILE]
 *   (bench:perf measures the same beside its other budgets, without the invocations)
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ENV } from '#shared/config.ts';
import {
  ASCII_ESCAPER,
  BUNDLE_FILE,
  CODE_CACHE_ENV,
  CODE_CACHE_FILE,
  CODE_CACHE_LOADER,
  codeCacheWriterArguments,
  FUNCTION_BUNDLE,
  HANDLER_MODULE,
  PIPELINE_DATA,
  WARM_UP_INPUTS,
} from '../infra/bundling.ts';
import { lambdaNodeFlags, PROCESS_MEMORY_MB } from '../infra/function-sizing.ts';
import { canMeasureChildren, runMeasured } from './child-usage.ts';
import { DESERIALISE_SCRIPT, type Figures, IMPORT_SCRIPT } from './cold-start-scripts.ts';
import { type FirstInvocation, measureFirstInvocations } from './first-invocation.ts';
import { loadNote, median, writeResults } from './measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FRESH_PROCESSES = 7;
/** Fresh processes whose handler is invoked on the local stack (each takes a few seconds). */
const INVOKED_PROCESSES = 5;

/** Enough environment for a handler module to finish loading (config is read at import). */
const LOAD_ENV = {
  PATH: process.env.PATH,
  AWS_REGION: 'us-east-1',
  [ENV.tableName]: 'results',
  [ENV.bucketName]: 'articles',
  [ENV.idempotencyTableName]: 'idempotency',
  POWERTOOLS_DEV: 'false',
};

/**
 * The first article: the seed (plain text), or with `--first-article FILE` another file, whose extension tells
 * its format as an upload's key does (an HTML page, say, which loads the HTML libraries on first use).
 */
const SEED =
  optionValue('--first-article') ??
  fileURLToPath(new URL('../tests/fixtures/seed-article.txt', import.meta.url));

/**
 * Each bundle is loaded as Lambda loads the function: its handler module, the loader with its V8 code cache
 * (infra/runtime/with-code-cache.cjs), written as the stack writes it (the process function's after its
 * warm-up on WARM_UP_INPUTS, which are not the seed). `process-no-cache` is the same bundle `require`d
 * directly, without the cache, as the functions loaded before it.
 */
export const BUNDLES = {
  // The process function's handler, with processArticle exported beside it for the first article.
  process: { entry: 'bench/fixtures/process-first-article.ts', data: PIPELINE_DATA, codeCache: true },
  'process-no-cache': {
    entry: 'bench/fixtures/process-first-article.ts',
    data: PIPELINE_DATA,
    codeCache: false,
  },
  'sdk-clients-only': { entry: 'bench/fixtures/sdk-clients-handler.ts', data: {}, codeCache: true },
  // The floor: a fresh Node importing a handler that imports nothing.
  empty: { entry: 'bench/fixtures/empty-handler.ts', data: {}, codeCache: true },
} as const;

export interface ColdStart {
  readonly bundle: string;
  readonly codeBytes: number;
  readonly sourceMapBytes: number;
  readonly dataBytes: number;
  /** The V8 code cache beside the bundle (0 without), and what V8 made of it in the fresh processes. */
  readonly codeCacheBytes: number;
  readonly codeCache?: string;
  /** Module init: the `import` of the bundle, which for `process` includes decoding the NER model. */
  readonly importCpuMs: number;
  readonly importMainThreadMs?: number;
  readonly importWallMs: number;
  /** Of its CPU, system time (the kernel: mostly page faults), and the minor page faults (pages first touched). */
  readonly importSystemMs: number;
  readonly importMinorFaults: number;
  /** The CPU a fresh process spent before it ran the script that loads the bundle: Node's own start. */
  readonly nodeStartCpuMs: number;
  readonly nodeStartMinorFaults: number;
  /**
   * Reading the bundle and its code cache and compiling it with the cache (V8 deserialising the cache), in
   * fresh processes of their own: the part of module init that is not evaluation (bundles with a cache).
   */
  readonly codeCacheReadMs?: number;
  readonly codeCacheDeserialiseMs?: number;
  readonly codeCacheReadMinorFaults?: number;
  readonly codeCacheDeserialiseMinorFaults?: number;
  /**
   * The first article after the init (the process bundle only), whole: the models and tables it loads on first
   * use (`modelLoadCpuMs`, timed apart just before it) and the rest.
   */
  readonly firstArticleCpuMs?: number;
  readonly modelLoadCpuMs?: number;
  /** Per process, init + model loads (the budget), and init + the whole first article (stricter). */
  readonly initAndModelsCpuMs?: number;
  readonly initAndFirstArticleCpuMs?: number;
  readonly firstArticleMainThreadMs?: number;
  readonly firstArticleWallMs?: number;
  readonly firstArticleSystemMs?: number;
  readonly firstArticleMinorFaults?: number;
  readonly modelLoadMinorFaults?: number;
  readonly initAndFirstArticleMinorFaults?: number;
  /** The whole fresh process: Node's own start, the import, exit. */
  readonly processCpuMs: number;
  readonly processWallMs: number;
  readonly instructions?: number;
  /** The handler's first and second invocations on the local stack (the process bundle, on request). */
  readonly invocations?: FirstInvocation;
}

/** The V8 flags the function runs with in Lambda, and that its code cache is written under. */
const functionFlags = () => lambdaNodeFlags(PROCESS_MEMORY_MB);

/** Copies the loader beside the bundle and writes its code cache as infra/lambda-function.ts does. */
function writeCodeCache(outdir: string, warmUp: readonly string[], root: string): void {
  copyFileSync(join(root, CODE_CACHE_LOADER), join(outdir, HANDLER_MODULE));
  writeFileSync(join(outdir, 'package.json'), '{"type":"commonjs"}');
  const run = spawnSync(process.execPath, codeCacheWriterArguments(root, outdir, functionFlags(), warmUp), {
    env: { PATH: process.env.PATH, ...CODE_CACHE_ENV },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Writing the code cache failed: ${run.stderr.slice(-2000)}`);
}

/** Rewrites the bundle in `outdir` as pure ASCII, as infra/lambda-function.ts does after esbuild. */
function escapeNonAscii(outdir: string, root: string): void {
  const run = spawnSync(process.execPath, [join(root, ASCII_ESCAPER), outdir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Escaping the bundle failed: ${run.stderr.slice(-2000)}`);
}

/**
 * Builds the bundle (and its code cache) in `directory`/`outName`, from the sources of the tree at `root` (this
 * one, or a reference checkout to compare with); returns the module a fresh process loads.
 */
export async function buildBundle(
  name: keyof typeof BUNDLES,
  directory: string,
  root = ROOT,
  outName: string = name,
): Promise<string> {
  const { entry, data, codeCache } = BUNDLES[name];
  const outdir = join(directory, outName);
  mkdirSync(outdir, { recursive: true });
  await build({
    ...FUNCTION_BUNDLE,
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: join(outdir, BUNDLE_FILE),
  });
  for (const [target, source] of Object.entries(data)) {
    mkdirSync(join(outdir, target, '..'), { recursive: true });
    copyFileSync(join(root, source), join(outdir, target));
  }
  // As that tree's build does: a reference tree from before the escaper ships its bundle as esbuild wrote it.
  if (existsSync(join(root, ASCII_ESCAPER))) escapeNonAscii(outdir, root);
  if (!codeCache) return join(outdir, BUNDLE_FILE);
  writeCodeCache(outdir, name === 'process' ? WARM_UP_INPUTS : [], root);
  return join(outdir, HANDLER_MODULE);
}

function nodeArguments(bundle: string): string[] {
  return [
    // As the function's runtime wrapper starts Node in Lambda (infra/runtime/heap-cap.sh).
    ...functionFlags(),
    '--input-type=module',
    '-e',
    IMPORT_SCRIPT,
    pathToFileURL(bundle).href,
    SEED,
  ];
}

/** Instructions executed by a fresh `node` importing the bundle, counted by callgrind (slow: ~1 minute). */
function countInstructions(bundle: string, directory: string): number {
  const out = join(directory, `callgrind.${process.pid}.out`);
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, ...nodeArguments(bundle)],
    { cwd: directory, env: LOAD_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const collected = /Collected : (\d+)/.exec(run.stderr);
  rmSync(out, { force: true });
  if (collected === null) throw new Error(`callgrind failed: ${run.stderr.slice(-1000)}`);
  return Number(collected[1]);
}

/** The median of each figure over the runs, under `prefix` (importCpuMs, importWallMs, ...). */
function medians(prefix: 'import' | 'firstArticle', runs: readonly (Figures | undefined)[]) {
  const measured = runs.filter((run) => run !== undefined);
  if (measured.length === 0) return {};
  const mainThread = measured.map((run) => run.mainThreadMs).filter((ms) => ms !== undefined);
  return {
    [`${prefix}CpuMs`]: median(measured.map((run) => run.cpuMs)),
    [`${prefix}WallMs`]: median(measured.map((run) => run.wallMs)),
    [`${prefix}SystemMs`]: median(measured.map((run) => run.systemMs)),
    [`${prefix}MinorFaults`]: median(measured.map((run) => run.minorFaults)),
    ...(mainThread.length === measured.length ? { [`${prefix}MainThreadMs`]: median(mainThread) } : {}),
  };
}

interface FreshRun {
  readonly nodeStartCpuMs: number;
  readonly nodeStartMinorFaults: number;
  readonly init: Figures;
  readonly models?: Figures;
  /** The whole first article: the model loads and the rest. */
  readonly first?: Figures;
  readonly codeCache?: string;
  readonly processCpuMs: number;
  readonly processWallMs: number;
}

function addFigures(a: Figures, b: Figures): Figures {
  const main =
    a.mainThreadMs === undefined || b.mainThreadMs === undefined
      ? {}
      : { mainThreadMs: a.mainThreadMs + b.mainThreadMs };
  return {
    cpuMs: a.cpuMs + b.cpuMs,
    wallMs: a.wallMs + b.wallMs,
    systemMs: a.systemMs + b.systemMs,
    minorFaults: a.minorFaults + b.minorFaults,
    ...main,
  };
}

/** One fresh process loading the bundle (and running the seed through it when it can). */
function freshRun(name: string, bundle: string, directory: string): FreshRun {
  const run = runMeasured(process.execPath, nodeArguments(bundle), { cwd: directory, env: LOAD_ENV });
  if (run.status !== 0) throw new Error(`${name} failed to load: ${run.stderr}`);
  const { nodeStartCpuMs, nodeStartMinorFaults, init, models, first, codeCache } = JSON.parse(
    run.stdout.trim().split('\n').at(-1) ?? '{}',
  ) as Omit<FreshRun, 'processCpuMs' | 'processWallMs'>;
  return {
    nodeStartCpuMs,
    nodeStartMinorFaults,
    init,
    models,
    first: first === undefined || models === undefined ? first : addFigures(models, first),
    codeCache,
    processCpuMs: run.cpuSeconds * 1000,
    processWallMs: run.wallSeconds * 1000,
  };
}

interface DeserialiseRun {
  readonly readMs: number;
  readonly deserialiseMs: number;
  readonly readMinorFaults: number;
  readonly deserialiseMinorFaults: number;
}

/** One fresh process reading and deserialising the code cache of the bundle beside `handlerModule`. */
function deserialiseRun(handlerModule: string, directory: string): DeserialiseRun {
  const code = join(handlerModule, '..', BUNDLE_FILE);
  const run = spawnSync(process.execPath, [...functionFlags(), '-e', DESERIALISE_SCRIPT, code], {
    cwd: directory,
    env: LOAD_ENV,
    encoding: 'utf8',
  });
  const result = JSON.parse(run.stdout.trim() || '{}') as DeserialiseRun & { rejected?: boolean };
  if (run.status !== 0 || result.rejected !== false)
    throw new Error(`Deserialising the code cache of ${code} failed: ${run.stderr.slice(-1000)}`);
  return result;
}

/** The median over the processes of a figure each of them has, or nothing when one lacks it. */
function medianOf<Key extends string>(key: Key, values: readonly (number | undefined)[]) {
  const known = values.filter((value) => value !== undefined);
  return known.length === 0 || known.length < values.length ? {} : { [key]: median(known) };
}

function summarise(
  name: string,
  bundle: string,
  runs: readonly FreshRun[],
  deserialised: readonly DeserialiseRun[],
  directory: string,
  instructions: boolean,
): ColdStart {
  const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  const code = join(bundle, '..', BUNDLE_FILE);
  const data = Object.keys(BUNDLES[name as keyof typeof BUNDLES].data);
  return {
    bundle: name,
    codeBytes: size(code),
    sourceMapBytes: size(`${code}.map`),
    dataBytes: data.reduce((sum, target) => sum + size(join(bundle, '..', target)), 0),
    codeCacheBytes: size(join(bundle, '..', CODE_CACHE_FILE)),
    ...(runs[0]?.codeCache === undefined ? {} : { codeCache: runs[0].codeCache }),
    ...(medians(
      'import',
      runs.map((run) => run.init),
    ) as Pick<ColdStart, 'importCpuMs' | 'importWallMs' | 'importSystemMs' | 'importMinorFaults'>),
    ...medians(
      'firstArticle',
      runs.map((run) => run.first),
    ),
    nodeStartCpuMs: median(runs.map((run) => run.nodeStartCpuMs)),
    nodeStartMinorFaults: median(runs.map((run) => run.nodeStartMinorFaults)),
    ...medianOf(
      'modelLoadCpuMs',
      runs.map((run) => run.models?.cpuMs),
    ),
    ...medianOf(
      'modelLoadMinorFaults',
      runs.map((run) => run.models?.minorFaults),
    ),
    ...medianOf(
      'initAndModelsCpuMs',
      runs.map((run) => (run.models === undefined ? undefined : run.init.cpuMs + run.models.cpuMs)),
    ),
    ...medianOf(
      'initAndFirstArticleCpuMs',
      runs.map((run) => (run.first === undefined ? undefined : run.init.cpuMs + run.first.cpuMs)),
    ),
    ...medianOf(
      'initAndFirstArticleMinorFaults',
      runs.map((run) => (run.first === undefined ? undefined : run.init.minorFaults + run.first.minorFaults)),
    ),
    ...(deserialised.length === 0
      ? {}
      : {
          codeCacheReadMs: median(deserialised.map((run) => run.readMs)),
          codeCacheDeserialiseMs: median(deserialised.map((run) => run.deserialiseMs)),
          codeCacheReadMinorFaults: median(deserialised.map((run) => run.readMinorFaults)),
          codeCacheDeserialiseMinorFaults: median(deserialised.map((run) => run.deserialiseMinorFaults)),
        }),
    processCpuMs: median(runs.map((run) => run.processCpuMs)),
    processWallMs: median(runs.map((run) => run.processWallMs)),
    ...(instructions ? { instructions: countInstructions(bundle, directory) } : {}),
  };
}

/**
 * Init + first article of `process` minus that of `process-no-cache`, fresh processes run side by side:
 * the median of the per-round differences, and in how many rounds the cache was faster.
 */
export interface CodeCachePairs {
  readonly rounds: number;
  readonly medianDifferenceMs: number;
  readonly faster: number;
}

function pairedDifferences(withCache: readonly FreshRun[], without: readonly FreshRun[]): CodeCachePairs {
  const total = (run: FreshRun) => run.init.cpuMs + (run.first?.cpuMs ?? 0);
  const differences = withCache.map((run, round) => total(run) - total(without[round] as FreshRun));
  return {
    rounds: differences.length,
    medianDifferenceMs: median(differences),
    faster: differences.filter((difference) => difference < 0).length,
  };
}

/**
 * This tree's process bundle against a reference tree's, built and cached the same way, their fresh processes
 * interleaved: for each figure, the median of the per-round differences (this tree minus the reference) and in
 * how many rounds this tree was faster. A reference without loadModels (older) counts its model loads in its
 * first article, so its init + model loads is its init alone.
 */
export interface ReferencePairs {
  readonly reference: string;
  readonly rounds: number;
  readonly init: PairedDifference;
  readonly initAndModels: PairedDifference;
  readonly initAndFirstArticle: PairedDifference;
  /** The same pairs' minor page faults (`faster`: fewer faults). */
  readonly initFaults: PairedDifference;
  readonly initAndFirstArticleFaults: PairedDifference;
}

interface PairedDifference {
  readonly medianDifferenceMs: number;
  readonly faster: number;
}

function referencePairs(
  reference: string,
  ours: readonly FreshRun[],
  theirs: readonly FreshRun[],
): ReferencePairs {
  const paired = (figure: (run: FreshRun) => number): PairedDifference => {
    const differences = ours.map((run, round) => figure(run) - figure(theirs[round] as FreshRun));
    return { medianDifferenceMs: median(differences), faster: differences.filter((d) => d < 0).length };
  };
  return {
    reference,
    rounds: ours.length,
    init: paired((run) => run.init.cpuMs),
    initAndModels: paired((run) => run.init.cpuMs + (run.models?.cpuMs ?? 0)),
    initAndFirstArticle: paired((run) => run.init.cpuMs + (run.first?.cpuMs ?? 0)),
    initFaults: paired((run) => run.init.minorFaults),
    initAndFirstArticleFaults: paired((run) => run.init.minorFaults + (run.first?.minorFaults ?? 0)),
  };
}

/**
 * The bundles, measured in the same run, their fresh processes interleaved (a round runs each bundle once,
 * in alternating order); with `invocations`, the process handler's too; with `reference` (a checkout of another
 * commit, with its node_modules), that tree's process bundle too, paired with this one's.
 */
export async function measureColdStarts(options: {
  instructions: boolean;
  invocations?: boolean;
  reference?: string;
  processes?: number;
}): Promise<{ coldStarts: ColdStart[]; codeCachePairs: CodeCachePairs; referencePairs?: ReferencePairs }> {
  const directory = mkdtempSync(join(tmpdir(), 'precis-cold-start-'));
  const { reference, processes = FRESH_PROCESSES } = options;
  try {
    const bundles: (readonly [string, string])[] = await Promise.all(
      (Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]).map(
        async (name) => [name, await buildBundle(name, directory)] as const,
      ),
    );
    if (reference !== undefined)
      bundles.push([
        'reference',
        await buildBundle('process', directory, `${resolve(reference)}/`, 'reference'),
      ]);
    const runs = new Map<string, FreshRun[]>(bundles.map(([name]) => [name, []]));
    const deserialised: DeserialiseRun[] = [];
    const processBundle = bundles.find(([name]) => name === 'process')?.[1];
    for (let round = 0; round < processes; round++) {
      for (const [name, bundle] of round % 2 === 0 ? bundles : [...bundles].reverse())
        runs.get(name)?.push(freshRun(name, bundle, directory));
      if (processBundle !== undefined) deserialised.push(deserialiseRun(processBundle, directory));
    }
    const coldStarts = bundles.map(([name, bundle]) =>
      summarise(
        name === 'reference' ? 'process' : name,
        bundle,
        runs.get(name) ?? [],
        name === 'process' ? deserialised : [],
        directory,
        options.instructions,
      ),
    );
    const codeCachePairs = pairedDifferences(runs.get('process') ?? [], runs.get('process-no-cache') ?? []);
    if (reference !== undefined) {
      return {
        coldStarts: coldStarts.map((cold, index) =>
          bundles[index]?.[0] === 'reference' ? { ...cold, bundle: 'reference' } : cold,
        ),
        codeCachePairs,
        referencePairs: referencePairs(reference, runs.get('process') ?? [], runs.get('reference') ?? []),
      };
    }
    if (!options.invocations || processBundle === undefined) return { coldStarts, codeCachePairs };
    const invocations = await measureFirstInvocations(
      processBundle,
      readFileSync(SEED),
      directory,
      INVOKED_PROCESSES,
    );
    return {
      coldStarts: coldStarts.map((cold) => (cold.bundle === 'process' ? { ...cold, invocations } : cold)),
      codeCachePairs,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The value after `name` on the command line (`--reference ../ref`). */
function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** Issue 12's budgets for the process bundle. */
const BUDGETS = { codeBytes: 2_000_000, coldStartMs: 150 } as const;

const holds = (ok: boolean) => (ok ? 'holds' : 'DOES NOT HOLD');

/**
 * The process bundle's cold start split into its parts (medians over the fresh processes, CPU summed over
 * threads), and its budgets: the "module init plus first-article model load" and the stricter init plus
 * the whole first article, both reported. bench:perf prints the same lines.
 */
export function describeProcessColdStart(coldStarts: readonly ColdStart[]): string[] {
  const cold = coldStarts.find((bundle) => bundle.bundle === 'process');
  if (cold === undefined) return [];
  const sdkOnly = coldStarts.find((bundle) => bundle.bundle === 'sdk-clients-only');
  const ms = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
  const faults = (value: number | undefined) => (value === undefined ? '?' : value.toLocaleString('en-GB'));
  const cache =
    cold.codeCacheDeserialiseMs === undefined
      ? ''
      : ` = code cache read ${ms(cold.codeCacheReadMs)} + deserialised ${ms(cold.codeCacheDeserialiseMs)} + evaluation (the rest)`;
  const cacheFaults =
    cold.codeCacheDeserialiseMinorFaults === undefined
      ? ''
      : ` = code cache read ${faults(cold.codeCacheReadMinorFaults)} + deserialised ${faults(cold.codeCacheDeserialiseMinorFaults)} + evaluation (the rest)`;
  const initAndModels = cold.initAndModelsCpuMs ?? cold.importCpuMs;
  const initAndFirst = cold.initAndFirstArticleCpuMs ?? cold.importCpuMs;
  return [
    `process, its parts (ms CPU, medians): Node's own start ${ms(cold.nodeStartCpuMs)}; module init ${ms(cold.importCpuMs)}${cache} ` +
      `(the SDK-clients-only bundle's whole init: ${ms(sdkOnly?.importCpuMs)}); first article ${ms(cold.firstArticleCpuMs)} = ` +
      `model loads ${ms(cold.modelLoadCpuMs)} (the n-gram table, the gazetteers' names; the NER model is read during init) + ` +
      'the rest (V8 compiling and running the pipeline for the first time, regular expressions, GC)',
    `process, minor page faults (pages first touched, medians): Node's own start ${faults(cold.nodeStartMinorFaults)}; ` +
      `module init ${faults(cold.importMinorFaults)}${cacheFaults}, ${ms(cold.importSystemMs)} ms of its CPU in the kernel; ` +
      `first article ${faults(cold.firstArticleMinorFaults)} (model loads ${faults(cold.modelLoadMinorFaults)}), ${ms(cold.firstArticleSystemMs)} ms in the kernel; ` +
      `init + first article ${faults(cold.initAndFirstArticleMinorFaults)}`,
    `process bundle ${(cold.codeBytes / 1e6).toFixed(2)} MB of code (budget 2 MB: ${holds(cold.codeBytes <= BUDGETS.codeBytes)}); ` +
      `init + model loads ${ms(initAndModels)} ms CPU (the issue's budget, ${BUDGETS.coldStartMs}: ${holds(initAndModels <= BUDGETS.coldStartMs)}); ` +
      `init + the whole first article ${ms(initAndFirst)} ms CPU (stricter; ${holds(initAndFirst <= BUDGETS.coldStartMs)})`,
  ];
}

async function main(): Promise<void> {
  if (!canMeasureChildren()) {
    console.log('/usr/bin/time not found (apt-get install -y time): cold-start figures need it');
    return;
  }
  const instructions = process.argv.includes('--instructions');
  const reference = optionValue('--reference');
  const processes = Number(optionValue('--processes') ?? FRESH_PROCESSES);
  console.log(
    `bench:cold-start, ${loadNote()} on 2 shared cores; median of ${processes} fresh processes. CPU is summed over ` +
      'all threads (the budget: Lambda at 1,536 MB has under one vCPU, so background compilation and GC are not free), ' +
      'main = the main thread alone, wall = elapsed (moves with the machine load)',
  );
  const { coldStarts, codeCachePairs, referencePairs } = await measureColdStarts({
    instructions,
    invocations: reference === undefined,
    ...(reference === undefined ? {} : { reference }),
    processes,
  });
  const ms = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
  for (const cold of coldStarts) {
    console.log(
      `${cold.bundle}: code ${(cold.codeBytes / 1e6).toFixed(2)} MB, map ${(cold.sourceMapBytes / 1e6).toFixed(2)} MB, data ${(cold.dataBytes / 1e6).toFixed(2)} MB, ` +
        `code cache ${(cold.codeCacheBytes / 1e6).toFixed(2)} MB (${cold.codeCache ?? 'none'}); ` +
        `module init ${ms(cold.importCpuMs)} ms CPU (main ${ms(cold.importMainThreadMs)}, wall ${ms(cold.importWallMs)}, ${cold.importMinorFaults} minor faults)` +
        (cold.firstArticleCpuMs === undefined
          ? ''
          : `, first article ${ms(cold.firstArticleCpuMs)} ms CPU (main ${ms(cold.firstArticleMainThreadMs)}, wall ${ms(cold.firstArticleWallMs)}, ` +
            `${cold.firstArticleMinorFaults} minor faults)`) +
        `; whole process ${ms(cold.processCpuMs)} ms CPU (wall ${ms(cold.processWallMs)})` +
        (cold.instructions === undefined ? '' : `; ${(cold.instructions / 1e9).toFixed(2)} G instructions`),
    );
  }
  console.log(
    `code cache: init + first article with it minus without, in ${codeCachePairs.rounds} interleaved pairs of fresh processes: ` +
      `median ${codeCachePairs.medianDifferenceMs.toFixed(0)} ms CPU, faster in ${codeCachePairs.faster} of ${codeCachePairs.rounds}`,
  );
  const processBundle = coldStarts.find((cold) => cold.bundle === 'process');
  const invocations = processBundle?.invocations;
  if (invocations !== undefined) {
    console.log(
      `process handler on the local stack (median of ${invocations.processes} fresh processes, one upload of the seed per invocation): ` +
        `module init ${ms(invocations.initCpuMs)} ms CPU, first invocation ${ms(invocations.firstInvocationCpuMs)} ms, ` +
        `second ${ms(invocations.secondInvocationCpuMs)} ms`,
    );
  }
  for (const line of describeProcessColdStart(coldStarts)) console.log(line);
  if (referencePairs !== undefined) {
    const pair = ({ medianDifferenceMs, faster }: PairedDifference, unit = 'ms', better = 'faster') =>
      `${medianDifferenceMs > 0 ? '+' : ''}${medianDifferenceMs.toFixed(0)} ${unit} (${better} in ${faster} of ${referencePairs.rounds})`;
    console.log(
      `against the reference ${referencePairs.reference} (its process bundle, built and cached the same way, in ${referencePairs.rounds} ` +
        `interleaved pairs of fresh processes; medians of the differences, this tree minus the reference): init ${pair(referencePairs.init)}, ` +
        `init + model loads ${pair(referencePairs.initAndModels)}, init + first article ${pair(referencePairs.initAndFirstArticle)}; ` +
        `minor faults: init ${pair(referencePairs.initFaults, 'faults', 'fewer')}, init + first article ${pair(referencePairs.initAndFirstArticleFaults, 'faults', 'fewer')}`,
    );
    return;
  }
  console.log(
    `wrote ${writeResults('cold-start', {
      measuredAt: new Date().toISOString(),
      load: loadNote(),
      budgets: BUDGETS,
      coldStarts,
      codeCachePairs,
    })}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
