import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

const valuesOf = (text: string) =>
  findDates(text, { publishedAt: '2025-12-02' }).map((date) => date.value ?? null);

describe('a house number', () => {
  it.each([
    ['A man walked into the credit union at 2015 Elmwood Avenue and asked for cash.'],
    ['The new music school at 1225 N. Harbor St. opens its doors to children.'],
    ['Officers found the car in the 1900 block of Linden, abandoned.'],
    ['The shop at 1840 Old Mill Road sells seeds.'],
  ])('is no year in %j', (text) => {
    expect(valuesOf(text)).toEqual([]);
  });

  it.each([
    ['In 1996 Main Street was closed to cars.', ['1996']],
    ['The 2015 Ocean Drive parade drew crowds.', ['2015']],
    ['Since 2012 Harbor Road has had a cycle lane.', ['2012']],
  ])('leaves the year in %j', (text, values) => {
    expect(valuesOf(text)).toEqual(values);
  });
});
