import { describe, expect, it } from 'vitest';
import type { Counts, ScoredType } from '#shared/facts/ner/evaluate.ts';
import { microF1Difference } from '../../bench/f1-bootstrap.ts';

const documentCounts = (tp: number, fp: number, fn: number): Record<ScoredType, Counts> => ({
  PER: { tp, fp, fn },
  ORG: { tp: 0, fp: 0, fn: 0 },
  LOC: { tp: 0, fp: 0, fn: 0 },
});

describe('microF1Difference', () => {
  it('finds no difference between a system and itself', () => {
    const counts = [documentCounts(5, 1, 2), documentCounts(3, 0, 1), documentCounts(8, 2, 0)];

    expect(microF1Difference(counts, counts)).toEqual({ mean: 0, low: 0, high: 0 });
  });

  it('gives an interval above zero when one system is better on every document', () => {
    const better = Array.from({ length: 40 }, (_, index) => documentCounts(9, index % 3, 1));
    const worse = Array.from({ length: 40 }, (_, index) => documentCounts(6, 2 + (index % 3), 4));

    const { mean, low, high } = microF1Difference(better, worse);

    expect(mean).toBeGreaterThan(0);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThanOrEqual(mean);
    expect(high).toBeGreaterThanOrEqual(mean);
  });

  it('pools the counts of the documents (micro F1), not their F1s', () => {
    const a = [documentCounts(1, 0, 0), documentCounts(0, 0, 99)];
    const b = [documentCounts(0, 0, 1), documentCounts(0, 0, 99)];

    // a: 2*1 / (2*1 + 99) = 0.0198; b: 0
    expect(microF1Difference(a, b).mean).toBeCloseTo(2 / 101, 6);
  });
});
