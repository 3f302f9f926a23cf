import { describe, expect, it } from 'vitest';
import { describeRatios, pairRatios } from '../../bench/pair-ratios.ts';

describe('pairRatios', () => {
  it('gives the median, range and geometric mean of reference / this', () => {
    const ratios = pairRatios([12, 22, 30], [10, 20, 30]);
    expect(ratios.median).toBeCloseTo(1.1);
    expect(ratios.min).toBeCloseTo(1);
    expect(ratios.max).toBeCloseTo(1.2);
    expect(ratios.geometricMean).toBeCloseTo(Math.cbrt(1.2 * 1.1 * 1), 10);
    expect(ratios.low).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(ratios.high).toBeLessThanOrEqual(1.2 + 1e-12);
    expect(ratios.low).toBeLessThan(ratios.geometricMean);
    expect(ratios.high).toBeGreaterThan(ratios.geometricMean);
  });

  it('is one, with a point interval, when every pair ties', () => {
    const ratios = pairRatios([5, 7, 9], [5, 7, 9]);
    expect([ratios.median, ratios.geometricMean, ratios.low, ratios.high]).toEqual([1, 1, 1, 1]);
  });

  it('mirrors when the trees swap', () => {
    const forward = pairRatios([11, 23, 29, 40], [10, 20, 30, 41]);
    const backward = pairRatios([10, 20, 30, 41], [11, 23, 29, 40]);
    expect(backward.geometricMean).toBeCloseTo(1 / forward.geometricMean, 10);
    expect(backward.low).toBeCloseTo(1 / forward.high, 10);
  });

  it('refuses unpaired times', () => {
    expect(() => pairRatios([1, 2], [1])).toThrow(RangeError);
    expect(() => pairRatios([], [])).toThrow(RangeError);
  });
});

describe('describeRatios', () => {
  it('prints the figures as bench:stage-pairs reports them', () => {
    expect(
      describeRatios({ median: 1.02, min: 0.95, max: 1.1, geometricMean: 1.021, low: 0.99, high: 1.05 }),
    ).toBe('median ratio 1.02x (0.95x to 1.10x), geometric mean 1.021x, 95% CI 0.990x to 1.050x');
  });
});
