import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { isPeriodOfPlay } from '#shared/facts/dates/period-of-play.ts';

/** Saturday 31 August 1996. */
const PUBLISHED = '1996-08-31';

describe('a quarter of a match', () => {
  it.each([
    ['The visitors held a 27-10 lead going into the last quarter and never looked back.', 'last quarter'],
    ['Their winger crossed for two tries in the fourth quarter of a scrappy game.', 'the fourth quarter'],
    ['Smith scored 14 points in the third quarter .', 'the third quarter'],
    ['The home side trailed until a late penalty in the second quarter.', 'the second quarter'],
  ])('is no date in %j', (text, phrase) => {
    const start = text.indexOf(phrase);

    expect(isPeriodOfPlay(text, start, start + phrase.length)).toBe(true);
    expect(findDates(text, { publishedAt: PUBLISHED }).filter((date) => /quarter/u.test(date.text))).toEqual(
      [],
    );
  });

  it.each([
    ['Profits rose 12 percent in the third quarter.', 'the third quarter', '1996-Q3'],
    [
      'The economy grew faster in the second quarter than analysts expected.',
      'the second quarter',
      '1996-Q2',
    ],
    ['The club reported a net loss for the last quarter.', 'last quarter', '1996-Q2'],
    ['The stadium will open in the fourth quarter.', 'the fourth quarter', '1996-Q4'],
    [
      'Shares of the game maker scored gains in the first quarter of next year.',
      'the first quarter of next year',
      '1997-Q1',
    ],
  ])('stays a quarter of the year in %j', (text, phrase, value) => {
    const dates = findDates(text, { publishedAt: PUBLISHED });

    expect(dates.find((date) => date.text.toLowerCase() === phrase.toLowerCase())).toMatchObject({ value });
  });
});
