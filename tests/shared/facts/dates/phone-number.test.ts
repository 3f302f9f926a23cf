import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

const valuesOf = (text: string) =>
  findDates(text, { publishedAt: '2025-12-02' }).map((date) => date.value ?? null);

describe('a telephone number', () => {
  it.each([
    ['For help with boarding, call 0800 214 1987 before you travel.'],
    ['Ring the desk on 0161.496.2010 or write to us.'],
    ['The ferry office answers on 01632-960-1999 until noon.'],
  ])('holds no year in %j', (text) => {
    expect(valuesOf(text)).toEqual([]);
  });

  it.each([
    ['The 0800 helpline opened in 2015.', ['2015']],
    ['Crops grew in 1995 1996 and 1997 alike.', ['1995', '1996', '1997']],
  ])('leaves the years in %j', (text, values) => {
    expect(valuesOf(text)).toEqual(values);
  });
});
