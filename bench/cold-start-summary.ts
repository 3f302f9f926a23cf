/**
 * What bench:cold-start reports of its fresh processes: each bundle's medians (ColdStart), the paired
 * differences against the same bundle without its code cache or against a reference tree's, and the process
 * bundle's cold start split into its parts beside the budgets (bench:perf prints the same lines).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_FILE, CODE_CACHE_FILE } from '../infra/bundling.ts';
import { BUNDLES } from './cold-start-bundles.ts';
import { countInstructions, type DeserialiseRun, type FreshRun } from './cold-start-runs.ts';
import type { Figures } from './cold-start-scripts.ts';
import type { FirstInvocation } from './first-invocation.ts';
import { median } from './measure.ts';

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

/** The median over the processes of a figure each of them has, or nothing when one lacks it. */
function medianOf<Key extends string>(key: Key, values: readonly (number | undefined)[]) {
  const known = values.filter((value) => value !== undefined);
  return known.length === 0 || known.length < values.length ? {} : { [key]: median(known) };
}

export function summarise(
  name: string,
  bundle: string,
  runs: readonly FreshRun[],
  deserialised: readonly DeserialiseRun[],
  directory: string,
  instructions: boolean,
  flags?: readonly string[],
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
    ...(instructions ? { instructions: countInstructions(bundle, directory, flags) } : {}),
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

export function pairedDifferences(
  withCache: readonly FreshRun[],
  without: readonly FreshRun[],
): CodeCachePairs {
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

export interface PairedDifference {
  readonly medianDifferenceMs: number;
  readonly faster: number;
}

export function referencePairs(
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

/** Issue 12's budgets for the process bundle. */
export const BUDGETS = { codeBytes: 2_000_000, coldStartMs: 150 } as const;

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
