'use strict';
/**
 * The functions' handler module in Lambda (`with-code-cache.handler`): it loads the function's bundle,
 * index.js beside it, as Node's `require` would (a CommonJS module), but compiles it with the V8 code cache
 * written at build time (index.js.cache, by write-code-cache.cjs) and re-exports what the bundle exports.
 *
 * Why: a cold start compiles the whole 1.4 MB bundle at load, then every function it runs for the first
 * time, lazily. The cache is taken after the build ran the process function's pipeline on sample articles,
 * so it holds the bytecode of every function that run compiled, not only of the top level, and a cold start
 * deserialises it instead of parsing and compiling (Node's own compile cache is written before the code
 * runs, so it holds the top level only). Measured in README Performance.
 *
 * V8 accepts a cache only from the same V8 version with the same V8 flags (the heap flags and V8_FLAGS of
 * infra/function-sizing.ts, which the writer runs with); otherwise it compiles the bundle as usual and logs
 * one warning with `codeCache` "rejected". `codeCache` ("accepted", "rejected", or "absent" without a file) is
 * also exported; it is "off" under NODE_OPTIONS=--enable-source-maps, where the bundle is `require`d instead.
 *
 * A bundle's second bundles (CHUNKS: the process function's HTML libraries, html.js) are loaded the same way, each
 * with its own cache (html.js.cache), when the bundle first requires them.
 */
const { isAscii } = require('node:buffer');
const { closeSync, existsSync, fstatSync, openSync, readSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

const BUNDLE_FILE = 'index.js';
const CACHE_SUFFIX = '.cache';
/** The wrapper Node's CommonJS loader puts around a module, so the bundle runs exactly as under `require`. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/** Reads up to `length` bytes from the start of the open file `fd` into `buffer` at `offset`; returns how many. */
function readInto(fd, buffer, offset, length) {
  let read = 0;
  while (read < length) {
    const count = readSync(fd, buffer, offset + read, length - read, read);
    if (count === 0) break;
    read += count;
  }
  return read;
}

/**
 * The bundle's source inside the wrapper, as one string decoded once from one buffer, and its code cache (when
 * there is one) read into that same buffer afterwards. For the cold start's memory (each page of memory touched
 * for the first time is a page fault): the file is read between the wrapper's two halves, since concatenating
 * the wrapper and the file's text would leave V8 a string of two parts to copy into one before compiling, and
 * `readFileSync(file, 'utf8')` reads through a buffer of its own; the string is a copy, so the buffer is free
 * again once it is decoded, and the cache (about twice the bundle's size) reuses its pages instead of touching
 * as many new ones. An ASCII bundle becomes a one-byte string (Latin-1 decodes ASCII as UTF-8 does, without a
 * pass that looks for multi-byte characters), any other one is decoded as UTF-8.
 */
function readBundle(filename, cacheFile) {
  const head = Buffer.from(WRAPPER_HEAD);
  const tail = Buffer.from(WRAPPER_TAIL);
  const bundle = openSync(filename, 'r');
  const cache = existsSync(cacheFile) ? openSync(cacheFile, 'r') : undefined;
  try {
    const size = fstatSync(bundle).size;
    const cacheSize = cache === undefined ? 0 : fstatSync(cache).size;
    const buffer = Buffer.allocUnsafe(Math.max(head.length + size + tail.length, cacheSize));
    head.copy(buffer, 0);
    const read = readInto(bundle, buffer, head.length, size);
    const text = buffer.subarray(0, head.length + read + tail.copy(buffer, head.length + read));
    const source = text.toString(isAscii(text) ? 'latin1' : 'utf8');
    const cachedData =
      cache === undefined ? undefined : buffer.subarray(0, readInto(cache, buffer, 0, cacheSize));
    return { source, cachedData };
  } finally {
    closeSync(bundle);
    if (cache !== undefined) closeSync(cache);
  }
}

/**
 * The second bundles a bundle may `require` by name, and their files beside it (infra/bundling.ts's HTML_CHUNK):
 * each is compiled with its own code cache on its first `require`, so a cold start that never needs it reads
 * neither its code nor its bytecode.
 */
const CHUNKS = { '#shared/clean/html-chunk.ts': 'html.js' };

/** The scripts compiled so far by file name, for createCodeCaches, and what became of each one's cache. */
const scripts = new Map();
const codeCaches = new Map();
/** The exports of each chunk loaded, by the name it is required by. */
const chunks = new Map();

/**
 * Node's own modules that the functions' bundles require at init (the SDK's HTTP handler: `https` with `http`, `tls`
 * and `net`; hashes and checksums: `crypto`, `zlib`; its config files: `fs/promises`; Powertools' logger: `console`;
 * the web streams, whose `ReadableStream` the SDK extends at import), required before the bundle runs, with V8's
 * flags at their defaults (withDefaultV8Flags says why). A module missing here is compiled when the bundle requires
 * it, as before; tests/infra/bundle.test.ts lists the few the process bundle's init still loads itself.
 */
const NODE_MODULES = [
  'node:https',
  'node:crypto',
  'node:zlib',
  'node:fs/promises',
  'node:os',
  'node:stream',
  'node:stream/web',
  'node:console',
];

/**
 * The V8 flags a function's Node starts with (Lambda's runtime: `--expose-gc` and the heap sizes, which our wrapper
 * replaces; the wrapper: V8_FLAGS of infra/function-sizing.ts), each with the flag that sets V8's default again.
 */
const V8_DEFAULTS = {
  '--expose-gc': '--no-expose-gc',
  '--max-old-space-size': '--max-old-space-size=0',
  '--max-semi-space-size': '--max-semi-space-size=0',
  '--no-regexp-tier-up': '--regexp-tier-up',
};

/**
 * Runs `run` with the V8 flags of V8_DEFAULTS at their defaults, then sets them as the command line had them. Why:
 * Node compiles its own modules with a code cache built into its binary, which V8 accepts only under the flags it
 * was made with, none; under any V8 flag on the command line Node compiles each of them from source, about 20-25
 * ms of every cold start for NODE_MODULES (README Performance). None of these flags matters while they load: the
 * heap sizes are read when the heap is set up and `--expose-gc` when the context is made, both before this loader
 * runs, and `--no-regexp-tier-up` decides how a regular expression is compiled on its first run. Only Node's modules
 * run here, never the bundle: an expression compiled for V8's interpreter while the tier-up is on and run again once
 * it is off crashes V8, so nothing may run one here (tests/infra/with-code-cache.test.ts holds it). Setting a flag again makes V8 compute
 * its flag hash again, so the bundles' own caches are checked under the command line's flags, as they were written.
 */
function withDefaultV8Flags(run) {
  const flags = process.execArgv.filter((argument) => V8_DEFAULTS[flagName(argument)] !== undefined);
  for (const flag of flags) setFlagsFromString(V8_DEFAULTS[flagName(flag)]);
  try {
    return run();
  } finally {
    for (const flag of flags) setFlagsFromString(flag);
  }
}

/** A command-line flag's name, as V8_DEFAULTS writes it (`--max_old_space_size=1104` -> `--max-old-space-size`). */
const flagName = (argument) => argument.split('=')[0].replaceAll('_', '-');

/**
 * Requires NODE_MODULES with V8's default flags. Called once the bundle is compiled and before it runs: before the
 * bundle's cache is read, the same modules made the whole process slower, not faster (README Performance).
 */
function requireNodeModules() {
  withDefaultV8Flags(() => {
    for (const id of NODE_MODULES) require(id);
  });
}

/**
 * Compiles the bundle file `file` in `directory` (with its cache when there is one) and runs it as a CommonJS
 * module whose `require` loads the CHUNKS the same way, `beforeRun` called between the two. Returns its exports and
 * what became of its cache.
 */
function loadFile(directory, file, beforeRun = () => {}) {
  const filename = join(directory, file);
  const { source, cachedData } = readBundle(filename, `${filename}${CACHE_SUFFIX}`);
  const script = new Script(source, { filename, cachedData });
  scripts.set(file, script);
  const codeCache =
    cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  codeCaches.set(file, codeCache);
  if (codeCache === 'rejected') warnRejected(file);
  const nodeRequire = createRequire(filename);
  const chunkRequire = Object.assign((id) => {
    const chunk = CHUNKS[id];
    if (chunk === undefined) return nodeRequire(id);
    if (!chunks.has(id)) chunks.set(id, loadFile(directory, chunk).exports);
    return chunks.get(id);
  }, nodeRequire);
  beforeRun();
  const module = { exports: {} };
  script.runInThisContext()(module.exports, chunkRequire, module, filename, directory);
  return { exports: module.exports, codeCache };
}

/** One JSON line, as Powertools' logger writes them: the cold starts of this function are slower than built for. */
function warnRejected(file) {
  console.warn(
    JSON.stringify({
      level: 'WARN',
      message: `V8 code cache rejected: ${file} is compiled without it`,
      service: process.env.POWERTOOLS_SERVICE_NAME,
      codeCache: 'rejected',
      file,
      node: process.version,
    }),
  );
}

/**
 * Loads the bundle in `directory`, index.js, with its cache. Node maps the stack traces of `require`d modules, not
 * of vm scripts: with source maps on (a debugging mode, NODE_OPTIONS=--enable-source-maps), the bundle is required
 * as it was before the cache (its chunks resolved by the directory's package.json).
 */
function loadBundle(directory) {
  if (process.sourceMapsEnabled) return { exports: require(join(directory, BUNDLE_FILE)), codeCache: 'off' };
  return loadFile(directory, BUNDLE_FILE, requireNodeModules);
}

const loaded = loadBundle(__dirname);
module.exports = {
  ...loaded.exports,
  codeCache: loaded.codeCache,
  /** Node's modules required before the bundle, and how (tests/infra/ check both). */
  nodeModules: NODE_MODULES,
  withDefaultV8Flags,
  /** What became of the cache of each bundle file loaded so far ({ 'index.js': 'accepted', ... }). */
  codeCaches: () => Object.fromEntries(codeCaches),
  /**
   * The cache of everything compiled so far, by bundle file (index.js, and each chunk loaded): write-code-cache.cjs
   * calls it after warming up and writes each beside its file.
   */
  createCodeCaches: () => new Map([...scripts].map(([file, script]) => [file, script.createCachedData()])),
};
