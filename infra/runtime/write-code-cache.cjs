'use strict';
/**
 * Writes a function bundle's V8 code cache (index.js.cache), run by the build after esbuild (infra/lambda-function.ts,
 * bench/cold-start.ts):
 *
 *   node <the function's V8 flags> write-code-cache.cjs <bundle directory> [warm-up input ...]
 *
 * It loads the bundle through with-code-cache.js (copied into the directory beforehand) and, when the bundle
 * exports `warmUp` (the process function), runs it on each warm-up input file, so the cache holds the bytecode of
 * every function the pipeline compiled on them, not only of the bundle's top level; a second bundle the warm-up
 * loaded (html.js, on the HTML sample) gets its own cache beside it. The warm-up inputs are
 * fixtures of the repository, never the article a benchmark then times. It must run with the V8 flags the
 * function runs with in Lambda (`lambdaNodeFlags` of infra/function-sizing.ts: the heap cap, ours and the
 * runtime's own `--expose-gc`): V8 refuses a cache made under other flags.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');

const [directory, ...warmUpFiles] = process.argv.slice(2);
if (directory === undefined)
  throw new Error('Usage: write-code-cache.cjs <bundle directory> [warm-up input ...]');
const bundle = require(join(resolve(directory), 'with-code-cache.js'));
if (typeof bundle.warmUp === 'function') {
  for (const file of warmUpFiles) bundle.warmUp(readFileSync(file), basename(file));
}
// index.js.cache, and the cache of each second bundle the warm-up loaded (html.js.cache: the HTML libraries).
for (const [file, cache] of bundle.createCodeCaches()) writeFileSync(join(directory, `${file}.cache`), cache);
