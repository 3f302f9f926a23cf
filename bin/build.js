/**
 * Builds the CLI into dist/ with the local esbuild: cli/main.ts and the worker of `--parallel`
 * (cli/process-worker.ts, which the CLI finds next to itself), with everything they import (shared/, npm
 * packages), as minified ESM: an entry file each and the code they share in chunks, so `npx precis` starts
 * without a TypeScript loader. The NER model, the language n-gram table and the summariser's word lists are copied beside them as data
 * (dist/models/).
 * `npm ci` runs it (the `prepare` script; also `npm run build`), and bin/precis.js runs it again whenever a
 * source file is newer than the build, so the CLI never runs stale code after a pull or an edit.
 * Source maps go to a separate file, read only with NODE_OPTIONS=--enable-source-maps.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const CLI_BUNDLE = `${DIST}main.mjs`;
/** The project files the build was made from, for the staleness check; written last. */
const INPUTS = `${DIST}inputs.json`;
const ENTRY_POINTS = ['cli/main.ts', 'cli/process-worker.ts'];
/**
 * Data the bundle reads at run time from next to itself (shared/facts/ner/tag-entities.ts,
 * shared/clean/detect-language.ts, shared/lexicon/word-lists.ts); the same as infra/bundling.ts's PIPELINE_DATA.
 */
const DATA_FILES = {
  'models/ner.bin': 'shared/facts/ner/models/ner.bin',
  'models/language-ngrams.bin': 'shared/clean/models/language-ngrams.bin',
  'models/word-lists.json': 'shared/lexicon/models/word-lists.json',
};
/**
 * Dependencies loaded from node_modules rather than bundled: piscina starts each thread from its own
 * worker.js, found next to its code (`__dirname`, which a bundle does not have).
 */
const EXTERNAL = ['piscina'];
/**
 * Modules replaced in the CLI as in the function bundles (BUNDLE_ALIASES in infra/bundling.ts): linkedom's CSS
 * parser, which nothing precis runs calls (its module builds property tables as it loads), by the stub that
 * throws. The SDK's credential chain stays whole here: `backfill` and `redrive` sign with an operator's
 * profiles and SSO.
 */
const ALIAS = { 'cssomnom/parse': './infra/bundle-stubs/cssomnom-parse.ts' };
/** Dependencies change only with an install, which rewrites the lock file. */
const LOCK_FILE = 'package-lock.json';
/** esbuild's shim looks for `require` in scope: linkedom and other CommonJS dependencies require lazily. */
const REQUIRE_SHIM =
  "import { createRequire as __precisRequire } from 'node:module';const require = __precisRequire(import.meta.url);";

const modifiedMs = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/** True when there is no build, or a project source (or the lock file) changed after it. */
export function isStale() {
  const built = modifiedMs(INPUTS);
  if (built === undefined) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  return [...inputs, ...Object.values(DATA_FILES), LOCK_FILE].some(
    (input) => (modifiedMs(`${ROOT}${input}`) ?? Number.POSITIVE_INFINITY) > built,
  );
}

/**
 * Builds into a fresh directory and renames it into place, so a run never sees half a build (two processes
 * that find the build stale build side by side; the last rename wins, and both builds are the same).
 */
export async function buildCli() {
  const { build } = await import('esbuild').catch((error) => {
    throw new Error('Building the CLI needs the esbuild devDependency: run `npm ci`', { cause: error });
  });
  const staging = `${DIST.replace(/\/$/, '')}.${process.pid}.tmp/`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(`${staging}models/`, { recursive: true });
  for (const [target, source] of Object.entries(DATA_FILES))
    copyFileSync(`${ROOT}${source}`, `${staging}${target}`);
  let result;
  try {
    result = await build({
      absWorkingDir: ROOT,
      entryPoints: ENTRY_POINTS,
      outdir: staging,
      entryNames: '[name]',
      // Chunks beside the entries: shared code finds its data (models/) relative to its own file.
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      external: EXTERNAL,
      alias: ALIAS,
      splitting: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      mainFields: ['module', 'main'],
      banner: { js: REQUIRE_SHIM },
      minify: true,
      keepNames: true,
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      logLevel: 'warning',
    });
  } catch (error) {
    // A failed build leaves no half-built staging directory behind in the checkout.
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const { metafile } = result;
  const sources = Object.keys(metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  writeFileSync(`${staging}inputs.json`, JSON.stringify(sources));
  const previous = `${DIST.replace(/\/$/, '')}.${process.pid}.old`;
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(DIST, previous);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(staging, DIST);
  rmSync(previous, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
