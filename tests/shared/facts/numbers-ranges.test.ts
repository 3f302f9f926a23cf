import { describe, expect, it } from 'vitest';
import { findNumbers } from '#shared/facts/numbers.ts';

/** Both ends of a range as facts: [text, value, unit] of each, and the range's words and values. */
function ranges(text: string) {
  return findNumbers(text).map((number) => ({
    text: number.text,
    value: number.value,
    unit: number.unit,
    range: number.range && {
      text: text.slice(number.range.start, number.range.end),
      from: number.range.from,
      to: number.range.to,
    },
  }));
}

describe('findNumbers on ranges', () => {
  it.each([
    ['Bake for 25 to 35 minutes.', '25', 25, '25 to 35 minutes', '35 minutes', 35, 'minute'],
    ['a fall of between 8 and 9 metres', '8', 8, 'between 8 and 9 metres', '9 metres', 9, 'm'],
    ['for the next three or four days', 'three', 3, 'three or four days', 'four days', 4, 'day'],
    ['Rest it for 5-10 minutes.', '5', 5, '5-10 minutes', '10 minutes', 10, 'minute'],
    ['prices up 15–20% since May', '15', 15, '15–20%', '20%', 20, '%'],
    ['pupils aged 11 to 14 years old', '11', 11, '11 to 14 years old', '14 years old', 14, 'years old'],
    [
      'from 2.5 to 3 million people',
      '2.5',
      2.5e6,
      '2.5 to 3 million people',
      '3 million people',
      3e6,
      'people',
    ],
    ['a plan costing $4 to $6 billion', '$4', 4e9, '$4 to $6 billion', '$6 billion', 6e9, 'USD'],
  ])('reads %j with both ends', (text, lowText, low, rangeText, highText, high, unit) => {
    const range = { text: rangeText, from: low, to: high };

    expect(ranges(text)).toEqual([
      { text: lowText, value: low, unit, range },
      { text: highText, value: high, unit, range },
    ]);
  });

  it.each([['They raised the fee by $2 to $9.50.'], ['Prices went from 40% to 30%.']])(
    'leaves two written-out amounts apart in %j',
    (text) => {
      expect(findNumbers(text).every((number) => number.range === undefined)).toBe(true);
    },
  );

  it.each([
    ['They lost 3-1 games? No, a 3-5 loss.'],
    ['the 2013-14 seasons'],
    ['It raised $10-15 million in funding.'],
    ['A third of 10-11 year olds'],
  ])('reads no wrong end in %j', (text) => {
    for (const number of findNumbers(text)) {
      expect(number.range === undefined || number.range.from < number.range.to).toBe(true);
      expect(number.kind).not.toBe('duration');
      expect(number.kind === 'money' && number.value < 1e6).toBe(false);
    }
  });

  it('reads "10-11 year olds" as ages', () => {
    expect(ranges('A third of 10-11 year olds were tested.')).toMatchObject([
      { text: '10', value: 10, unit: 'years old' },
      { text: '11 year olds', value: 11, unit: 'years old' },
    ]);
  });

  it('reads no range in a change and its result', () => {
    expect(ranges('Tin rose by 300 to 41,100 Indian rupees.')).toEqual([
      { text: '41,100 Indian rupees', value: 41100, unit: 'INR', range: undefined },
    ]);
  });

  it.each([
    ['pupils aged 9 to 12 years', '9', '12 years'],
    ['among 16-19-year-olds', '16', '19-year-olds'],
  ])('reads the ages in %j', (text, low, high) => {
    expect(findNumbers(text)).toMatchObject([
      { text: low, kind: 'quantity', unit: 'years old' },
      { text: high, kind: 'quantity', unit: 'years old' },
    ]);
  });

  it('reads metric tons as tonnes', () => {
    expect(findNumbers('about 800 metric tons of grain')).toMatchObject([
      { text: '800 metric tons', kind: 'quantity', value: 800, unit: 't' },
    ]);
  });

  it('reads no range from a figure that is part of a name', () => {
    expect(ranges('Under Section 8 to 20 families may apply.')).toEqual([
      { text: '20 families', value: 20, unit: 'families', range: undefined },
    ]);
  });
});
