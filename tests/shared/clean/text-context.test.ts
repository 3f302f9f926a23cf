import { describe, expect, it } from 'vitest';
import { wordCount } from '#shared/clean/text-context.ts';

/** What wordCount replaced: the pieces of a split on whitespace runs that are not empty. */
const bySplit = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;

describe('wordCount', () => {
  it('stops counting one word past stopAfter', () => {
    const paragraph = 'one two three four five six';

    expect(wordCount(paragraph, 3)).toBe(4);
    expect(wordCount(paragraph, 6)).toBe(6);
    expect(wordCount(paragraph, 10)).toBe(6);
    expect(wordCount('  one  ', 0)).toBe(1);
  });

  it('reads every UTF-16 code unit as whitespace exactly when \\s does', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const text = `a${String.fromCharCode(code)}b`;
      if (wordCount(text) !== bySplit(text)) differing.push(code.toString(16));
    }

    expect(differing).toEqual([]);
  });

  it.each([
    '',
    '   ',
    'one',
    '  two  words ',
    'tabs\tand\nnew lines\r\n',
    'no\u00a0break\u2009thin\u3000ideographic\ufeffbom',
    'Blinken met Xi in Beijing on Monday, June 19, 2023.',
  ])('counts the words of %j as a split on whitespace does', (text) => {
    expect(wordCount(text)).toBe(bySplit(text));
  });
});
