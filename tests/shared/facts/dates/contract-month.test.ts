import { describe, expect, it } from 'vitest';
import { isContractMonth } from '#shared/facts/dates/contract-month.ts';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Friday 30 August 1996. */
const PUBLISHED = '1996-08-30';

describe('a futures contract month', () => {
  it.each([
    ['The December calendar spread kept widening into the close.', 'December'],
    ['Copper, basis the September contract in London, slipped.', 'September'],
    ['March futures gained two cents on short covering.', 'March'],
    ['Mills bought wheat for November delivery at a premium.', 'November'],
    ['The September long gilt future traded at 107 late on.', 'September'],
    ['The November-January spread narrowed by a cent.', 'November'],
    ['October crude rose 30 cents to $21.90 a barrel.', 'October'],
    ['Dealers said December T-bonds ended below the trendline.', 'December'],
    ['The March 1997 contract held at 94.10.', 'March 1997'],
  ])('is no date in %j', (text, month) => {
    const start = text.indexOf(month);

    expect(isContractMonth(text, start, start + month.length)).toBe(true);
    expect(findDates(text, { publishedAt: PUBLISHED })).toEqual([]);
  });

  it.each([
    ['In March futures rose on hopes of a rate cut.', 'March', '1996-03'],
    ['The contract was signed in December.', 'December', '1995-12'],
    ['Exports of crude will rise in October, the ministry said.', 'October', '1996-10'],
    ['The spread between the two bonds widened in July, dealers said.', 'July', '1996-07'],
    ['Deliveries resume in December and the futures market is calm.', 'December', '1996-12'],
  ])('stays a month in %j', (text, month, value) => {
    const dates = findDates(text, { publishedAt: PUBLISHED });

    expect(dates.map((date) => [date.text, date.value])).toContainEqual([month, value]);
  });
});
