import { describe, expect, it } from 'vitest';
import { pairedBootstrap, seededRandom } from '../../bench/bootstrap.ts';
import { FOLDS, foldOf } from '../../bench/folds.ts';

describe('pairedBootstrap', () => {
  it('gives a zero-width interval at the difference when every pair differs by the same amount', () => {
    const interval = pairedBootstrap([3, 5, 7, 9], [1, 3, 5, 7]);

    expect(interval).toEqual({ mean: 2, low: 2, high: 2 });
  });

  it('brackets the mean difference, and narrows as the number of articles grows', () => {
    const random = seededRandom(7);
    const a = Array.from({ length: 400 }, () => random());
    const b = a.map((value) => value - 0.1 + (random() - 0.5) * 0.4);

    const small = pairedBootstrap(a.slice(0, 40), b.slice(0, 40), 0.95, 2000);
    const large = pairedBootstrap(a, b, 0.95, 2000);

    for (const interval of [small, large]) {
      expect(interval.low).toBeLessThan(interval.mean);
      expect(interval.high).toBeGreaterThan(interval.mean);
    }
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(large.low).toBeGreaterThan(0.05);
  });

  it('is reproducible: the same data gives the same interval', () => {
    expect(pairedBootstrap([1, 2, 3, 9], [2, 2, 2, 2])).toEqual(pairedBootstrap([1, 2, 3, 9], [2, 2, 2, 2]));
  });
});

describe('foldOf', () => {
  it('puts an id in the same fold every time, and spreads ids over every fold', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `article-${index}`);

    const folds = ids.map((id) => foldOf(id));

    expect(ids.map((id) => foldOf(id))).toEqual(folds);
    expect(new Set(folds).size).toBe(FOLDS);
    for (let fold = 0; fold < FOLDS; fold++) {
      expect(folds.filter((value) => value === fold).length).toBeGreaterThan(20);
    }
  });
});
