import { describe, expect, it } from 'vitest';
import { findNumbers } from '#shared/facts/numbers.ts';

/** Fractions, coins and "an extra dozen" an editor read wrongly on real pages (session 23); the sentences are ours. */
describe('findNumbers on fractions of a unit', () => {
  it.each([
    ['Stir in 1/4 pound of grated cheese.', '1/4 pound', 0.25, 'lb', 'quantity'],
    ['Copper sank to a 5-1/2 year low on Friday.', '5-1/2 year', 5.5, 'year', 'duration'],
    ['The hike takes 2 1/2 hours each way.', '2 1/2 hours', 2.5, 'hour', 'duration'],
    ['The trail runs 3½ miles along the river.', '3½ miles', 3.5, 'mi', 'quantity'],
    ['Bake it for 1 ¾ hours.', '1 ¾ hours', 1.75, 'hour', 'duration'],
  ])('reads %j as a share of its unit', (text, expectedText, value, unit, kind) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind, value, unit }]);
  });

  it.each([
    ['About 3/4 of voters stayed home.'],
    ['The shop is open 24/7 for drivers.'],
    ['They won 3/5 games in May.'],
    ['The file 2/3/4 hours was lost.'],
  ])('reads no fraction as a count in %j', (text) => {
    expect(findNumbers(text)).toEqual([]);
  });

  it('still reads a scaled fraction of people as a count', () => {
    expect(findNumbers('Some 1 1/2 million people moved.')).toMatchObject([
      { kind: 'count', value: 1_500_000, unit: 'people' },
    ]);
  });
});

describe('findNumbers on coins and bare scales', () => {
  it.each([
    ['A stamp now costs 15 cents more.', '15 cents', 0.15, 'USD'],
    ['The fare rose by 40 pence on Monday.', '40 pence', 0.4, 'GBP'],
  ])('reads %j as money, not a count', (text, expectedText, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ text: expectedText, kind: 'money', value, unit }]);
  });

  it('gives both ends of a range of cents in the currency', () => {
    expect(findNumbers('Tickets cost between 25 and 75 cents.')).toMatchObject([
      { kind: 'money', value: 0.25, unit: 'USD', range: { from: 0.25, to: 0.75 } },
      { kind: 'money', value: 0.75, unit: 'USD', range: { from: 0.25, to: 0.75 } },
    ]);
  });

  it.each([
    ['The bowlers sent down an extra dozen overs.', 12, 'overs'],
    ['The city hired a further hundred nurses.', 100, 'nurses'],
    ['Officials expect an additional million visitors.', 1_000_000, 'visitors'],
  ])('reads the bare scale after one more in %j', (text, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ kind: 'count', value, unit }]);
  });
});

describe('findNumbers on ranges of written money', () => {
  it('gives both ends when each carries its own symbol', () => {
    expect(findNumbers('Rooms range from $180 to $1,250 a night.')).toMatchObject([
      { text: '$180', value: 180, range: { from: 180, to: 1250 } },
      { text: '$1,250', value: 1250, range: { from: 180, to: 1250 } },
    ]);
  });

  it('reads a change and where it ended as no range', () => {
    const facts = findNumbers('The stock rose by $4 to $62.');
    expect(facts.map((fact) => fact.range)).toEqual([undefined, undefined]);
  });
});

describe('findNumbers on changes and choices of written money', () => {
  it.each([
    ['Shares of the bank plunged $3 to $41.50 on Friday.'],
    ['Its stock climbed 12 to 87 points.'],
    ['Delivery is free on orders over $40, $60 or $90.'],
  ])('reads no range in %j', (text) => {
    expect(findNumbers(text).every((fact) => fact.range === undefined)).toBe(true);
  });
});

describe('findNumbers on kitchen units and counts that are no whole number', () => {
  it.each([
    ['The shake packs 1,200 calories.', 1200, 'kcal'],
    ['Whisk in 3 tablespoons of honey.', 3, 'tbsp'],
    ['Add 1/2 teaspoon of salt.', 0.5, 'tsp'],
  ])('reads %j as a quantity', (text, value, unit) => {
    expect(findNumbers(text)).toMatchObject([{ kind: 'quantity', value, unit }]);
  });

  it('reads an index level as a quantity, not a count', () => {
    expect(findNumbers('The index closed at 4,512.37 points.')).toMatchObject([
      { kind: 'quantity', value: 4512.37, unit: 'points' },
    ]);
  });
});
