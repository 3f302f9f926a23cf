import { describe, expect, it } from 'vitest';
import { UNTAGGED_ITEM, untaggedItem } from '#shared/facts/entity-types.ts';

/** Pieces the text before a name is made of: words, list separators and the white space around them. */
const WORDS = [
  'Elbit',
  'firms like',
  'said',
  'U.S.',
  'AT&T',
  'Élan',
  'Sand',
  'Thor',
  'band',
  'color',
  '3M',
  'O’Neil',
];
const SEPARATORS = [
  ', ',
  ' and ',
  ', and ',
  ' or ',
  ',\u00a0',
  ' and',
  'and ',
  'or ',
  ',',
  '  ',
  ' ',
  '\n',
  ' land ',
  '',
];

/** Every window of up to three words, each followed by a separator, after a leading "like ". */
function windows(): string[] {
  const pieces = WORDS.flatMap((word) => SEPARATORS.map((separator) => `${word}${separator}`));
  const found = [''];
  for (const first of pieces) {
    found.push(`like ${first}`);
    for (const second of pieces.filter((_, index) => index % 7 === 0)) {
      found.push(`like ${first}${second}`);
      found.push(`companies such as ${second}${first}`);
    }
  }
  return found;
}

describe('untaggedItem', () => {
  it('matches where the expression alone matches, and nowhere else', () => {
    const all = windows();
    let matched = 0;
    for (const window of all) {
      const expected = UNTAGGED_ITEM.exec(window);
      const actual = untaggedItem(window);
      expect({ window, index: actual?.index, text: actual?.[0] }).toEqual({
        window,
        index: expected?.index,
        text: expected?.[0],
      });
      if (expected !== null) matched += 1;
    }
    // The comparison is only worth something if both outcomes occur often.
    expect(matched).toBeGreaterThan(500);
    expect(all.length - matched).toBeGreaterThan(500);
  });

  it('finds the untagged items of a list before a name', () => {
    expect(untaggedItem('companies like Elbit, ')?.[0]).toBe('Elbit, ');
    expect(untaggedItem('like Elbit, Candiru and ')?.[0]).toBe('Candiru and ');
    expect(untaggedItem('like Elbit or ')?.[0]).toBe('Elbit or ');
    expect(untaggedItem('said Elbit ')).toBeNull();
    expect(untaggedItem('like Elbit, Candiru band ')).toBeNull();
  });
});
