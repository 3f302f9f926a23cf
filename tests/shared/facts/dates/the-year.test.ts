import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

const yearsOf = (text: string, publishedAt?: string) =>
  findDates(text, publishedAt ? { publishedAt } : {})
    .filter((date) => date.text === 'the year')
    .map((date) => date.value ?? null);

describe('"the year"', () => {
  it.each([
    // a page with no date: the year written lines before is out of sight
    [
      'Guided walks, for groups only 1380-2075.\n\nSee\n\nThe smaller islands are shut during much of the year for the sake of nesting birds.',
    ],
    ['He was voted the player of the year by the fans.'],
    ['It is the best of the year, say the critics.'],
    [
      'The observatory opened in 1962. Its dome was rebuilt twice. Staff say the light changes a lot during the year.',
    ],
  ])('is no date in %j, which has no publication date and no year in sight', (text) => {
    expect(yearsOf(text)).toEqual([]);
  });

  it.each([
    ['The museum keeps records of the year they were built, for most of its clocks.', '2023-06-19'],
    ['That was the year Red Rum won, and we never forgot it.', '2023-06-19'],
  ])('is no date in %j, where a clause says which year', (text, publishedAt) => {
    expect(yearsOf(text, publishedAt)).toEqual([]);
  });

  it.each([
    ['He returned to China in 1920 and married later in the year.', undefined, '1920'],
    ['He returned to China in 1920. He married later in the year.', undefined, '1920'],
    ['Sales rose 5% over the year.', '2014-12-29', '2014'],
    ['He was voted the player of the year by the fans.', '2014-12-29', '2014'],
    ['For the year Acme earned $2 million, up from $1.5 million.', '1989-10-30', '1989'],
    ['In 2013 the chain shut ten shops. Sales fell 5% over the year.', '2014-12-29', '2013'],
    ['The chain shut ten shops. Sales fell 5% over the course of the year.', '2014-12-29', '2014'],
    [
      'Page weight is unchanged from last year.\n\nFonts\n\nMost sites load two fonts. Half still use sliders, a fall of 4% over the year.',
      '2014-12-29',
      '2014',
    ],
    ['Analysts like the chip maker for the year ahead.', '2014-12-22', '2015'],
  ])('is a year in %j (published %s): %s', (text, publishedAt, value) => {
    expect(yearsOf(text, publishedAt)).toEqual([value]);
  });
});
