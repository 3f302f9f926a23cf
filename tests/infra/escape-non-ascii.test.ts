import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { ASCII_ESCAPER, FUNCTION_BUNDLE } from '../../infra/bundling.ts';

const ROOT = new URL('../../', import.meta.url);
const { escapeBundle, escapeCode } = createRequire(import.meta.url)(
  new URL(ASCII_ESCAPER, ROOT).pathname,
) as {
  escapeBundle: (directory: string) => void;
  escapeCode: (code: string) => { code: string };
};

const NON_ASCII = /[\u0080-\uffff]/;
const directory = mkdtempSync(join(tmpdir(), 'precis-escape-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** What a CommonJS module's code exports, evaluated as Node would. */
function exportsOf(code: string): unknown {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}

/** Where each segment of a source map's mappings points from: [generated line, generated column]. */
function generatedPositions(mappings: string): [number, number][] {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const positions: [number, number][] = [];
  mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = digits.indexOf(char);
        value += (digit & 31) << shift;
        shift += 5;
        if ((digit & 32) === 0) break;
      }
      column += value & 1 ? -(value >>> 1) : value >>> 1;
      positions.push([lineIndex, column]);
    }
  });
  return positions;
}

describe('escape-non-ascii', () => {
  it('escapes every non-ASCII code unit to the same meaning in regular expressions, strings and templates', () => {
    const code = `module.exports = [
      /[‘’]s$/u.test("’s"), /^…$/.test("…"), /é+/iu.exec("xÉé")?.[0], /😀/.test("😀"), /^[😀]$/u.test("😀"),
      /^.$/u.test("😀"), "naïve", ${'`'}größer ${'$'}{1 + 1}${'`'}, // a comment: ‘quoted’
      /[–—-]/g[Symbol.replace]("a–b—c", "+"),
    ];`;
    const escaped = escapeCode(code).code;

    expect(NON_ASCII.test(escaped)).toBe(false);
    expect(exportsOf(escaped)).toEqual(exportsOf(code));
    expect(exportsOf(code)).toEqual([true, true, 'Éé', true, true, true, 'naïve', 'größer 2', 'a+b+c']);
  });

  it('stops at a String.raw template holding a non-ASCII character, whose text escaping would change', () => {
    const bundle = join(directory, 'raw');
    mkdirSync(bundle);
    writeFileSync(join(bundle, 'index.js'), 'module.exports = String.raw`’s`;');

    expect(() => escapeBundle(bundle)).toThrow(/String\.raw/);
  });

  it('stops at a backslash before a non-ASCII character, and passes an escaped backslash before one', () => {
    const identity = join(directory, 'identity-escape');
    mkdirSync(identity);
    writeFileSync(join(identity, 'index.js'), 'module.exports = /\\’s/.test("’s");');
    expect(() => escapeBundle(identity)).toThrow(/backslash escapes a non-ASCII character/);

    const backslash = join(directory, 'escaped-backslash');
    mkdirSync(backslash);
    writeFileSync(join(backslash, 'index.js'), 'module.exports = /\\\\’s/.test("\\\\’s");');
    escapeBundle(backslash);
    expect(readFileSync(join(backslash, 'index.js'), 'utf8')).toBe(
      'module.exports = /\\\\\\u2019s/.test("\\\\\\u2019s");',
    );
  });

  it('moves the source map with the code: every mapping still points at the same code', async () => {
    const source = join(directory, 'source.ts');
    writeFileSync(
      source,
      [
        'export const quote = /[‘’“”]/u; export const dash = /[–—]/;',
        'export function after(text: string): string { return text.replace(quote, "x").replace(dash, "-"); }',
        'export const more = (t: string) => /…|é/u.test(t) && after(t).length > 2;',
      ].join('\n'),
    );
    const bundle = join(directory, 'bundle');
    await build({ ...FUNCTION_BUNDLE, entryPoints: [source], outfile: join(bundle, 'index.js') });
    const before = readFileSync(join(bundle, 'index.js'), 'utf8').split('\n');
    const mapBefore = JSON.parse(readFileSync(join(bundle, 'index.js.map'), 'utf8'));

    escapeBundle(bundle);
    const after = readFileSync(join(bundle, 'index.js'), 'utf8').split('\n');
    const mapAfter = JSON.parse(readFileSync(join(bundle, 'index.js.map'), 'utf8'));

    expect(NON_ASCII.test(after.join('\n'))).toBe(false);
    const positionsBefore = generatedPositions(mapBefore.mappings);
    const positionsAfter = generatedPositions(mapAfter.mappings);
    expect(positionsAfter).toHaveLength(positionsBefore.length);
    // The code at each mapped position is the same as before the escapes (an ASCII character, or the escape of
    // the non-ASCII one), and the rest of each mapping (sources, names) is unchanged.
    positionsBefore.forEach(([line, column], index) => {
      const [lineAfter, columnAfter] = positionsAfter[index] as [number, number];
      const char = before[line]?.[column] ?? '';
      expect(lineAfter).toBe(line);
      expect(after[line]?.slice(columnAfter, columnAfter + escapeCode(char).code.length)).toBe(
        escapeCode(char).code,
      );
      expect(after[line]?.slice(columnAfter, columnAfter + 12)).toBe(
        escapeCode(before[line]?.slice(column) ?? '').code.slice(0, 12),
      );
    });
    expect(mapAfter.names).toEqual(mapBefore.names);
    expect(mapAfter.sources).toEqual(mapBefore.sources);
    expect(
      positionsBefore.some(([line, column]) => NON_ASCII.test(before[line]?.slice(0, column) ?? '')),
    ).toBe(true);
  });
});
