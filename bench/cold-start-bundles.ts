/**
 * The bundles bench:cold-start measures, built as the stack builds them (infra/bundling.ts, then the ASCII escaper
 * and the V8 code cache as infra/lambda-function.ts runs them), from this tree's sources or a reference checkout's.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  ASCII_ESCAPER,
  BUNDLE_FILE,
  CODE_CACHE_ENV,
  CODE_CACHE_LOADER,
  codeCacheWriterArguments,
  FUNCTION_BUNDLE,
  HANDLER_MODULE,
  HTML_CHUNK,
  htmlChunkBuildArguments,
  PACKAGE_JSON,
  PIPELINE_DATA,
  WARM_UP_INPUTS,
} from '../infra/bundling.ts';
import { lambdaNodeFlags, PROCESS_MEMORY_MB } from '../infra/function-sizing.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

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

/** The V8 flags the function runs with in Lambda, and that its code cache is written under. */
export const functionFlags = () => lambdaNodeFlags(PROCESS_MEMORY_MB);

/**
 * The flags the tree at `root` runs its process function with in Lambda, from its own
 * infra/function-sizing.ts: a reference tree's bundle is cached and timed as its own stack would start it.
 */
export async function functionFlagsOf(root: string): Promise<string[]> {
  if (resolve(root) === resolve(ROOT)) return functionFlags();
  const sizing = (await import(pathToFileURL(join(root, 'infra/function-sizing.ts')).href)) as {
    lambdaNodeFlags: typeof lambdaNodeFlags;
    PROCESS_MEMORY_MB: number;
  };
  return sizing.lambdaNodeFlags(sizing.PROCESS_MEMORY_MB);
}

/**
 * The data the tree at `root` copies beside its process bundle, from its own infra/bundling.ts: a reference tree
 * ships what its stack would ship (a tree from before the word lists left the code has no models/word-lists.json).
 */
async function pipelineDataOf(root: string): Promise<Readonly<Record<string, string>>> {
  if (resolve(root) === resolve(ROOT)) return PIPELINE_DATA;
  const bundling = (await import(pathToFileURL(join(root, 'infra/bundling.ts')).href)) as {
    PIPELINE_DATA: Readonly<Record<string, string>>;
  };
  return bundling.PIPELINE_DATA;
}

/** Copies the loader beside the bundle and writes its code cache as infra/lambda-function.ts does. */
function writeCodeCache(
  outdir: string,
  warmUp: readonly string[],
  root: string,
  flags: readonly string[],
): void {
  copyFileSync(join(root, CODE_CACHE_LOADER), join(outdir, HANDLER_MODULE));
  const run = spawnSync(process.execPath, codeCacheWriterArguments(root, outdir, flags, warmUp), {
    env: { PATH: process.env.PATH, ...CODE_CACHE_ENV },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Writing the code cache failed: ${run.stderr.slice(-2000)}`);
}

/**
 * The HTML libraries' second bundle beside the bundle in `outdir`, as infra/lambda-function.ts builds it, when the
 * bundle requires it (a reference tree from before it has its libraries inside its one bundle).
 */
function buildHtmlChunk(outdir: string, root: string): void {
  if (!readFileSync(join(outdir, BUNDLE_FILE), 'utf8').includes(HTML_CHUNK.module)) return;
  const run = spawnSync(join(ROOT, 'node_modules/.bin/esbuild'), htmlChunkBuildArguments(root, outdir), {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Building the HTML chunk failed: ${run.stderr.slice(-2000)}`);
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
  writeFileSync(join(outdir, 'package.json'), PACKAGE_JSON);
  buildHtmlChunk(outdir, root);
  const files: Readonly<Record<string, string>> = data === PIPELINE_DATA ? await pipelineDataOf(root) : data;
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(join(outdir, target, '..'), { recursive: true });
    copyFileSync(join(root, source), join(outdir, target));
  }
  // As that tree's build does: a reference tree from before the escaper ships its bundle as esbuild wrote it.
  if (existsSync(join(root, ASCII_ESCAPER))) escapeNonAscii(outdir, root);
  if (!codeCache) return join(outdir, BUNDLE_FILE);
  writeCodeCache(outdir, name === 'process' ? WARM_UP_INPUTS : [], root, await functionFlagsOf(root));
  return join(outdir, HANDLER_MODULE);
}
