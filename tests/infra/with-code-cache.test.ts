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

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOAD = `const m = require(process.argv[1]); console.log(JSON.stringify({ answer: m.answer, codeCache: m.codeCache }));`;

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A bundle directory as the build leaves it: `source` as index.js, the loader beside it, and its code cache. */
function bundleOf(source: string, { cache = true } = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'precis-code-cache-'));
  directories.push(directory);
  writeFileSync(join(directory, BUNDLE_FILE), source);
  writeFileSync(join(directory, 'package.json'), '{"type":"commonjs"}');
  copyFileSync(join(ROOT, CODE_CACHE_LOADER), join(directory, HANDLER_MODULE));
  if (cache) execFileSync(process.execPath, [join(ROOT, CODE_CACHE_WRITER), directory]);
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
