import { describe, expect, it } from 'vitest';
import { byChurn, formatCounts, functionNameAt, readDeoptLog, type SourcePlace } from '../../bench/v8-log.ts';

/** Positions of a pretend bundle: column 10 of line 1 is `tokenize`, column 50 `scanQuotes`. */
const PLACES: Record<string, SourcePlace> = {
  'file:///dist/chunk.mjs:1:10': { file: 'shared/facts/ner/tokenize.ts', line: 126, name: 'tokenize' },
  'file:///dist/chunk.mjs:1:50': { file: 'shared/summarise/candidates.ts', line: 155, name: 'scanQuotes' },
  'file:///dist/chunk.mjs:1:60': { file: 'shared/facts/ner/tokenize.ts', line: 97, name: '(anonymous)' },
};
const resolve = (location: string) => PLACES[location];

// biome-ignore format: one log line per line
const LOG = [
  'code-creation,JS,9,100,0xa0,64,tz file:///dist/chunk.mjs:1:10,0x1,~',
  'code-creation,JS,12,200,0xb0,640,tz file:///dist/chunk.mjs:1:10,0x1,*',
  'code-creation,JS,12,210,0xc0,320,sq file:///dist/chunk.mjs:1:50,0x2,*',
  'code-deopt,300,640,0xb0,-1,97,deopt-eager,<file:///dist/chunk.mjs:1:60> inlined at <file:///dist/chunk.mjs:1:10>,wrong map',
  'code-creation,JS,12,400,0xd0,640,tz file:///dist/chunk.mjs:1:10,0x1,*',
  'code-move,0xd0,0xe0',
  'code-deopt,500,640,0xe0,-1,97,deopt-eager,<file:///dist/chunk.mjs:1:60>,out of bounds',
  'code-creation,JS,12,600,0xf0,64,node:internal/main node:internal/main:1:1,0x3,*',
].join('\n');

describe('readDeoptLog', () => {
  it('counts TurboFan compiles and deopts per source function when the log names bundle positions', () => {
    const log = readDeoptLog(LOG, resolve);

    expect(log.compiles).toBe(4);
    expect(log.deopts).toBe(2);
    expect(formatCounts(log.reasons)).toBe('out of bounds 1, wrong map 1');
    const tokenize = log.functions.get('shared/facts/ner/tokenize.ts tokenize');
    expect(tokenize).toMatchObject({ compiles: 2, deopts: 2 });
    expect(formatCounts(tokenize?.points ?? new Map())).toBe(
      'shared/facts/ner/tokenize.ts:97 out of bounds 1, shared/facts/ner/tokenize.ts:97 wrong map 1',
    );
    expect(log.functions.get('shared/summarise/candidates.ts scanQuotes')).toMatchObject({
      compiles: 1,
      deopts: 0,
    });
  });

  it('keeps the log name of code it cannot place, and orders functions by compiles', () => {
    const log = readDeoptLog(LOG, resolve);

    expect(byChurn(log).map((counts) => counts.key)).toEqual([
      'shared/facts/ner/tokenize.ts tokenize',
      'node:internal/main node:internal/main:1:1',
      'shared/summarise/candidates.ts scanQuotes',
    ]);
  });
});

describe('functionNameAt', () => {
  it.each([
    ['export function sentenceEmissions(scorer) {', 16, 'sentenceEmissions'],
    ['const isAsciiLetter = (code: number) => code > 96;', 22, 'isAsciiLetter'],
    ['  scan(text) {', 2, 'scan'],
    ['  tokens.forEach((token, index) => {', 17, '(callback of forEach)'],
    ['  return (a) => a;', 9, '(anonymous)'],
  ])('names the function at column %#', (line, column, name) => {
    expect(functionNameAt(line, column)).toBe(name);
  });
});
