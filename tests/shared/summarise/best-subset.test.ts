import { describe, expect, it } from 'vitest';
import { bestSubset } from '#shared/summarise/best-subset.ts';

/** Candidates as [name, words, worth]; a set is worth the sum of its members' worth. */
type Item = readonly [string, number, number];
const ITEMS: readonly Item[] = [
  ['a', 30, 5],
  ['b', 10, 3],
  ['c', 12, 3],
  ['d', 25, 1],
];
const words = (item: Item) => item[1];
const worth = (set: readonly Item[]) => set.reduce((sum, item) => sum + item[2], 0);
const names = (set: readonly Item[]) => set.map((item) => item[0]).join('');

describe('bestSubset', () => {
  it.each([
    [{ sentences: 1 }, 'a'],
    [{ sentences: 2 }, 'ab'],
    [{ sentences: 4 }, 'abcd'],
    [{ sentences: 9 }, 'abcd'],
    [{ sentences: 3, words: 25 }, 'bc'],
    [{ sentences: 3, words: 40 }, 'ab'],
    [{ sentences: 1, words: 22 }, 'b'],
    [{ sentences: 3, words: 9 }, ''],
  ])('within %j chooses %s', (limits, expected) => {
    expect(names(bestSubset(ITEMS, limits, { wordsOf: words, value: worth }))).toBe(expected);
  });

  it('never chooses a set that is not allowed, and is as large as allowed when there is no word limit', () => {
    const withoutA = (set: readonly Item[]) => !set.some((item) => item[0] === 'a');

    expect(
      names(bestSubset(ITEMS, { sentences: 2 }, { wordsOf: words, value: worth, isAllowed: withoutA })),
    ).toBe('bc');
    expect(
      names(bestSubset(ITEMS, { sentences: 9 }, { wordsOf: words, value: worth, isAllowed: withoutA })),
    ).toBe('bcd');
    expect(
      bestSubset(ITEMS, { sentences: 2 }, { wordsOf: words, value: worth, isAllowed: () => false }),
    ).toEqual([]);
  });

  it('keeps the earlier set when two are worth the same', () => {
    expect(names(bestSubset(ITEMS, { sentences: 1, words: 12 }, { wordsOf: words, value: worth }))).toBe('b');
  });

  it('stays within the limits when the pool is too large to search exhaustively', () => {
    const pool: Item[] = Array.from({ length: 60 }, (_, i) => [`s${i}`, 10 + (i % 7), 1 + (i % 5)]);

    const chosen = bestSubset(pool, { sentences: 6, words: 50 }, { wordsOf: words, value: worth });

    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.length).toBeLessThanOrEqual(6);
    expect(chosen.reduce((sum, item) => sum + item[1], 0)).toBeLessThanOrEqual(50);
  });
});
