import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUNDLE_FILE,
  CODE_CACHE_FILE,
  CODE_CACHE_LOADER,
  CODE_CACHE_WRITER,
  HANDLER_MODULE,
} from '../../infra/bundling.ts';
import { lambdaNodeFlags, PROCESS_MEMORY_MB } from '../../infra/function-sizing.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOAD = `const m = require(process.argv[1]); console.log(JSON.stringify({ answer: m.answer, codeCache: m.codeCache }));`;

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/**
 * A bundle directory as the build leaves it: `source` as index.js, the loader beside it, and its code cache (written
 * under `flags`, as the build writes it under the function's).
 */
function bundleOf(source: string, { cache = true, flags = [] as readonly string[] } = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'precis-code-cache-'));
  directories.push(directory);
  writeFileSync(join(directory, BUNDLE_FILE), source);
  writeFileSync(join(directory, 'package.json'), '{"type":"commonjs"}');
  copyFileSync(join(ROOT, CODE_CACHE_LOADER), join(directory, HANDLER_MODULE));
  if (cache) execFileSync(process.execPath, [...flags, join(ROOT, CODE_CACHE_WRITER), directory]);
  return directory;
}

const load = (directory: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['-e', LOAD, join(directory, HANDLER_MODULE)], { encoding: 'utf8' }),
  ) as { answer: number; codeCache: string };

/** `count` small functions, each called at load, so the cache holds the bytecode of every one. */
const manyFunctions = (count: number) =>
  `${Array.from({ length: count }, (_, n) => `function f${n}(a) { return a + ${n} * 2 - (a > ${n} ? 1 : 0); }`).join('\n')}
exports.answer = [${Array.from({ length: count }, (_, n) => `f${n}`).join(', ')}].reduce((sum, f) => f(sum), 0) * 0 + 42;`;

// The loader reads the bundle and then its cache into one buffer (README Performance): each order of sizes.
describe('the code cache loader', () => {
  it('loads a bundle larger than its cache, with the cache accepted', () => {
    const directory = bundleOf(`exports.answer = 42; /* ${'x'.repeat(200_000)} */`);
    expect(statSync(join(directory, BUNDLE_FILE)).size).toBeGreaterThan(
      statSync(join(directory, CODE_CACHE_FILE)).size,
    );

    expect(load(directory)).toEqual({ answer: 42, codeCache: 'accepted' });
  });

  it('loads a bundle smaller than its cache, with the cache accepted', () => {
    const directory = bundleOf(manyFunctions(2_000));
    expect(statSync(join(directory, CODE_CACHE_FILE)).size).toBeGreaterThan(
      statSync(join(directory, BUNDLE_FILE)).size,
    );

    expect(load(directory)).toEqual({ answer: 42, codeCache: 'accepted' });
  });

  it('loads a bundle without a cache as before', () => {
    expect(load(bundleOf('exports.answer = 42;', { cache: false }))).toEqual({
      answer: 42,
      codeCache: 'absent',
    });
  });
});

// The loader requires Node's modules with V8's flags at their defaults, so that they compile with the code cache in
// Node's binary (README Performance), then sets the function's flags again for the bundle.
describe("Node's modules required before the bundle", () => {
  /** A script of its own per check: V8 would take a source it compiled before from memory, not from a cache. */
  const probe = (name: string) => `globalThis.${name} = (a) => a + 1;`;
  /** Writes the code cache of `probe(name)` made by a Node started with `flags`; returns its file. */
  const cacheOf = (directory: string, name: string, flags: readonly string[]) => {
    const file = join(directory, `${name}.cache`);
    const script = `new (require('node:vm').Script)(${JSON.stringify(probe(name))}).createCachedData()`;
    execFileSync(process.execPath, [
      ...flags,
      '-e',
      `require('node:fs').writeFileSync(process.argv[1], ${script})`,
      file,
    ]);
    return file;
  };
  /** An expression: whether V8 accepts that cache here. */
  const accepts = (name: string, file: string) =>
    `new (require('node:vm').Script)(${JSON.stringify(probe(name))}, { cachedData: require('node:fs').readFileSync(${JSON.stringify(file)}) }).cachedDataRejected === false`;
  const flags = lambdaNodeFlags(PROCESS_MEMORY_MB);

  it("are required under V8's default flags, and the bundle runs under the function's, its heap and gc kept", () => {
    const scratch = mkdtempSync(join(tmpdir(), 'precis-v8-flags-'));
    directories.push(scratch);
    const caches = {
      topLevel: cacheOf(scratch, 'topLevel', flags),
      defaults: cacheOf(scratch, 'defaults', []),
      after: cacheOf(scratch, 'after', flags),
    };
    const directory = bundleOf(`exports.topLevel = ${accepts('topLevel', caches.topLevel)};`, { flags });
    const heapLimit = `require('node:v8').getHeapStatistics().heap_size_limit`;
    const run = (script: string) =>
      JSON.parse(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' })) as unknown;
    const loaded = run(
      `const m = require(${JSON.stringify(join(directory, HANDLER_MODULE))}); console.log(JSON.stringify({ topLevel: m.topLevel, codeCache: m.codeCache, ` +
        `defaults: m.withDefaultV8Flags(() => ${accepts('defaults', caches.defaults)}), after: ${accepts('after', caches.after)}, ` +
        `gc: typeof gc, heapLimit: ${heapLimit} }));`,
    );

    expect(loaded).toEqual({
      topLevel: true,
      codeCache: 'accepted',
      defaults: true,
      after: true,
      gc: 'function',
      heapLimit: run(`console.log(${heapLimit})`),
    });
  });

  // A regular expression compiled for V8's interpreter while the tier-up is on, and run again once it is off,
  // crashes V8: the modules must run none while they load.
  it('run no regular expression while they load', () => {
    const directory = bundleOf('exports.answer = 42;', { flags });
    const trace = execFileSync(
      process.execPath,
      [...flags, '--trace-regexp-tier-up', '-e', 'require(process.argv[1])', join(directory, HANDLER_MODULE)],
      { encoding: 'utf8' },
    );

    expect(trace).not.toContain('bytecode size');
  });
});
