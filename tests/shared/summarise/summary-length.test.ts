import { describe, expect, it } from 'vitest';
import {
  checkedSummaryLength,
  SUMMARY_SENTENCES_RANGE,
  SUMMARY_WORDS_RANGE,
  summaryLengthTextSchema,
  summarySentencesSchema,
  summaryWordsSchema,
} from '#shared/summarise/summary-length.ts';

describe('summary length ranges', () => {
  it.each([
    ['sentences', summarySentencesSchema, SUMMARY_SENTENCES_RANGE],
    ['words', summaryWordsSchema, SUMMARY_WORDS_RANGE],
  ] as const)(
    'accepts whole numbers of %s from the range min to max, and nothing else',
    (_unit, schema, range) => {
      for (const good of [range.min, range.max]) expect(schema.safeParse(good).success).toBe(true);
      for (const bad of [range.min - 1, range.max + 1, 2.5, '3', Number.NaN, null]) {
        expect(schema.safeParse(bad).success).toBe(false);
      }
    },
  );

  it.each([
    [{ sentences: '3' }, { sentences: 3 }],
    [{ words: '60' }, { words: 60 }],
    [
      { sentences: '2', words: '40' },
      { sentences: 2, words: 40 },
    ],
    [{}, {}],
  ])('reads %j written as digits into %j', (text, length) => {
    expect(summaryLengthTextSchema.parse(text)).toEqual(length);
  });

  it.each([
    { sentences: '0' },
    { sentences: '21' },
    { sentences: '100' },
    { sentences: ' 3' },
    { sentences: '' },
    { words: '9' },
    { words: '501' },
    { words: '1e2' },
    { words: '-20' },
  ])('refuses %j', (text) => {
    expect(summaryLengthTextSchema.safeParse(text).success).toBe(false);
  });

  it('throws a RangeError naming the limit when a length set in code is out of range', () => {
    expect(() => checkedSummaryLength({ words: 5 })).toThrow(/words/);
    expect(() => checkedSummaryLength({ sentences: 21 })).toThrow(RangeError);
    expect(checkedSummaryLength({ sentences: 3, words: 80 })).toEqual({ sentences: 3, words: 80 });
  });
});
