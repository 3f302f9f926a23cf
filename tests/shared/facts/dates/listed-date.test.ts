import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { isBareMonthOrDay } from '#shared/facts/dates/listed-date.ts';

/** Monday 19 June 2023. */
const PUBLISHED = '2023-06-19';

const found = (text: string, publishedAt: string | undefined = PUBLISHED) =>
  findDates(text, publishedAt === undefined ? {} : { publishedAt }).map((date) => [date.text, date.value]);

describe('a month or a day of no year listed after a dated one', () => {
  it.each([
    ['The ferry line opened in April 2019, closed in August and reopened in March.', 'August', '2019-08'],
    ['The ferry line opened in April 2019, closed in August and reopened in March.', 'March', '2020-03'],
    ['The orchard flooded on May 4, 2018, and again on July 9.', 'July 9', '2018-07-09'],
    ['The mill won a prize in February 2016 and a second one in November.', 'November', '2016-11'],
  ])('follows the date before it: %j: %s -> %s', (text, expectedText, value) => {
    expect(found(text)).toContainEqual([expectedText, value]);
  });

  it('places the items of a list in an article with no date', () => {
    expect(
      found('The mill won a prize in February 2016 and a second one in November.', undefined),
    ).toContainEqual(['November', '2016-11']);
  });

  it.each([
    // a deadline or the end of a period is no event of the list
    ['The grant runs through February 2021, and the board meets in July.', 'July', '2023-07'],
    // a month placed by its own words
    ['The mill won a prize in February 2016 and another last November.', 'last November', '2022-11'],
    // a year alone starts no list of months
    ['The mill won a prize in 2016 and a second one in May.', 'May', '2023-05'],
  ])('keeps the publication date: %j: %s -> %s', (text, expectedText, value) => {
    expect(found(text)).toContainEqual([expectedText, value]);
  });

  it.each([['May'], ['early May'], ['Nov. 2'], ['2 November'], ['the 2nd of November']])(
    '%j is bare',
    (text) => {
      expect(isBareMonthOrDay(text)).toBe(true);
    },
  );

  it.each([['last May'], ['May 2021'], ['Monday'], ['next month']])('%j is not bare', (text) => {
    expect(isBareMonthOrDay(text)).toBe(false);
  });
});
