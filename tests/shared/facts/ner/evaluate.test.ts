import { describe, expect, it } from 'vitest';
import { countDocument, emptyCounts, microCounts, score } from '#shared/facts/ner/evaluate.ts';

describe('countDocument', () => {
  it('scores multisets of lowercased, whitespace-folded surfaces per type and ignores MISC', () => {
    // Arrange
    const totals = emptyCounts();
    const gold = [
      { type: 'PER' as const, text: 'Xi  Jinping' },
      { type: 'PER' as const, text: 'Xi' },
      { type: 'PER' as const, text: 'Xi' },
      { type: 'LOC' as const, text: 'Beijing' },
      { type: 'MISC' as const, text: 'Chinese' },
    ];
    const predicted = [
      { type: 'PER' as const, text: 'xi jinping' },
      { type: 'PER' as const, text: 'Xi' },
      { type: 'ORG' as const, text: 'Beijing' },
      { type: 'MISC' as const, text: 'Sino-US' },
    ];
    // Act
    countDocument(totals, gold, predicted);
    // Assert
    expect(totals).toEqual({
      PER: { tp: 2, fp: 0, fn: 1 },
      ORG: { tp: 0, fp: 1, fn: 0 },
      LOC: { tp: 0, fp: 0, fn: 1 },
    });
    expect(microCounts(totals)).toEqual({ tp: 2, fp: 1, fn: 2 });
    const { precision, recall, f1 } = score(microCounts(totals));
    expect([precision, recall, f1].map((value) => Number(value.toFixed(4)))).toEqual([0.6667, 0.5, 0.5714]);
  });

  it('scores zero rather than dividing by zero when nothing is found', () => {
    expect(score({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
