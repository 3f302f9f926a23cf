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

  it('skips no set that could win: the same choice as trying every set, on random pools with dependent members', () => {
    /** A pool member: its words, whether it needs the member before it, and the topics it covers. */
    interface Member {
      readonly position: number;
      readonly words: number;
      readonly dependent: boolean;
      readonly topics: readonly number[];
    }
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const keepsPrevious = (set: readonly Member[]) =>
      set.every((member) => !member.dependent || set.some((other) => other.position === member.position - 1));
    // Covered topics count once each, as the summariser's expected words do; ties are frequent.
    const coverage = (set: readonly Member[]) => new Set(set.flatMap((member) => member.topics)).size;
    /** Every set in the search's order (sizes 1 to k, lexicographic), the earlier winning ties. */
    const everySet = (pool: readonly Member[], limits: { sentences: number; words?: number }) => {
      const bestBySize: { set: Member[]; value: number }[] = [];
      const visit = (from: number, set: Member[]) => {
        for (let index = from; index < pool.length; index++) {
          const next = [...set, pool[index] as Member];
          const total = next.reduce((sum, member) => sum + member.words, 0);
          if ((limits.words === undefined || total <= limits.words) && keepsPrevious(next)) {
            const value = coverage(next);
            const best = bestBySize[next.length];
            if (best === undefined || value > best.value) bestBySize[next.length] = { set: next, value };
          }
          if (next.length < limits.sentences) visit(index + 1, next);
        }
      };
      visit(0, []);
      const found = bestBySize.filter((best) => best !== undefined);
      if (limits.words === undefined) return found.at(-1)?.set ?? [];
      return (
        found.reduce<{ set: Member[]; value: number } | undefined>(
          (best, next) => (best === undefined || next.value > best.value ? next : best),
          undefined,
        )?.set ?? []
      );
    };
    for (let trial = 0; trial < 300; trial++) {
      const pool: Member[] = Array.from({ length: 3 + Math.floor(random() * 8) }, (_, position) => ({
        position,
        words: 5 + Math.floor(random() * 30),
        dependent: position > 0 && random() < 0.4,
        topics: Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * 8)),
      }));
      const sentences = 1 + Math.floor(random() * 4);
      for (const limits of [{ sentences }, { sentences, words: 20 + Math.floor(random() * 60) }]) {
        const search = {
          wordsOf: (member: Member) => member.words,
          value: coverage,
          isAllowed: keepsPrevious,
        };
        expect(bestSubset(pool, limits, search)).toEqual(everySet(pool, limits));
      }
    }
  });
});
