/**
 * The fresh Node processes of bench:cold-start: one that loads a bundle and runs the first article through it
 * (bench/cold-start-scripts.ts's IMPORT_SCRIPT), one that only reads and deserialises the code cache, and
 * callgrind's count of a fresh process's instructions.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENV } from '#shared/config.ts';
import { BUNDLE_FILE } from '../infra/bundling.ts';
import { runMeasured } from './child-usage.ts';
import { functionFlags } from './cold-start-bundles.ts';
import { DESERIALISE_SCRIPT, type Figures, IMPORT_SCRIPT } from './cold-start-scripts.ts';

/** The value after `name` on the command line (`--reference ../ref`). */
export function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

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
export const SEED =
  optionValue('--first-article') ??
  fileURLToPath(new URL('../tests/fixtures/seed-article.txt', import.meta.url));

function nodeArguments(bundle: string, flags: readonly string[]): string[] {
  return [
    // As the function's runtime wrapper starts Node in Lambda (infra/runtime/heap-cap.sh).
    ...flags,
    '--input-type=module',
    '-e',
    IMPORT_SCRIPT,
    pathToFileURL(bundle).href,
    SEED,
  ];
}

/** Instructions executed by a fresh `node` importing the bundle, counted by callgrind (slow: ~1 minute). */
export function countInstructions(
  bundle: string,
  directory: string,
  flags: readonly string[] = functionFlags(),
): number {
  const out = join(directory, `callgrind.${process.pid}.out`);
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, ...nodeArguments(bundle, flags)],
    { cwd: directory, env: LOAD_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const collected = /Collected : (\d+)/.exec(run.stderr);
  rmSync(out, { force: true });
  if (collected === null) throw new Error(`callgrind failed: ${run.stderr.slice(-1000)}`);
  return Number(collected[1]);
}

export interface FreshRun {
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
export function freshRun(
  name: string,
  bundle: string,
  directory: string,
  flags: readonly string[] = functionFlags(),
): FreshRun {
  const run = runMeasured(process.execPath, nodeArguments(bundle, flags), { cwd: directory, env: LOAD_ENV });
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

export interface DeserialiseRun {
  readonly readMs: number;
  readonly deserialiseMs: number;
  readonly readMinorFaults: number;
  readonly deserialiseMinorFaults: number;
}

/** One fresh process reading and deserialising the code cache of the bundle beside `handlerModule`. */
export function deserialiseRun(handlerModule: string, directory: string): DeserialiseRun {
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
