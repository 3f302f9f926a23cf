import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';
import { isWeekdayInName } from '#shared/facts/dates/weekday-name.ts';

/** Monday 20 January 2014. */
const PUBLISHED = '2014-01-20';

describe('a weekday inside a title or a name', () => {
  it.each([
    ['Her second book Saturday Millionaires looks at the money in college sport.', 'Saturday'],
    ['The joke started in a strip by Saturday Morning Breakfast Cereal last spring.', 'Saturday'],
    ['He reads the Sunday Observer over breakfast.', 'Sunday'],
    ['A columnist for the Tuesday Gazette disagreed.', 'Tuesday'],
    ['She hosted a show called Friday Feelings for two years.', 'Friday'],
    ['Tickets for “Sunday Brunch” sold out.', 'Sunday'],
    ['The sketch first aired on Saturday Night Live in 1990.', 'Saturday'],
    ['Fans of Friday Night Lights still visit the town.', 'Friday'],
  ])('is no day in %j', (text, weekday) => {
    const start = text.indexOf(weekday);

    expect(isWeekdayInName(text, start, start + weekday.length)).toBe(true);
    expect(findDates(text, { publishedAt: PUBLISHED }).map((date) => date.text)).not.toContain(weekday);
  });

  it.each([
    ['The fans cheered on Saturday as the parade passed.', 'Saturday', '2014-01-18'],
    ['The band played on Saturday Night as crowds gathered.', 'Saturday', '2014-01-18'],
    // captions run together without their full stop: a preposition or a verb before the day
    ['He scored twice against Leeds on Saturday Police later closed the road.', 'Saturday', '2014-01-18'],
    ['The minister said Saturday Italian troops would stay.', 'Saturday', '2014-01-18'],
    ['The vase sold at auction Friday The buyer was not named.', 'Friday', '2014-01-17'],
    ['The report is due Friday Oct. 3, officials said.', 'Friday', '2014-10-03'],
  ])('stays a day in %j', (text, weekday, value) => {
    const dates = findDates(text, { publishedAt: PUBLISHED });

    expect(dates.find((date) => date.text.startsWith(weekday))?.value?.slice(0, 10)).toBe(value);
  });
});
