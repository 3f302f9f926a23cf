import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Monday 3 April 2000. */
const PUBLISHED = '2000-04-03';

const found = (text: string) =>
  findDates(text, { publishedAt: PUBLISHED }).map((date) => [date.text, date.value, date.granularity]);

describe('a clock time written beside a day', () => {
  it.each([
    ['They have until 9 a.m. Tuesday to sign.', '9 a.m. Tuesday', '2000-04-04T09:00'],
    ['He will leave at 4 a.m. EDT Thursday, Castro said.', '4 a.m. EDT Thursday', '2000-04-06T04:00'],
    ['The deadline is 9 a.m. EST on Tuesday.', '9 a.m. EST on Tuesday', '2000-04-04T09:00'],
    ['Talks broke off at noon Thursday, police said.', 'noon Thursday', '2000-03-30T12:00'],
    ['The vote is Tuesday at 10:30 p.m. in the chamber.', 'Tuesday at 10:30 p.m.', '2000-04-04T22:30'],
    ['The panel will meet on Nov. 9 at 6 pm. Join us.', 'Nov. 9 at 6 pm', '2000-11-09T18:00'],
    ['Reuters, Tue Dec 30, 2014 11:44pm GMT', 'Dec 30, 2014 11:44pm GMT', '2014-12-30T23:44'],
    ['It went dark around 3:15 PM yesterday.', '3:15 PM yesterday', '2000-04-02T15:15'],
    ['The offer expires Nov. 6, 2000, at 5 p.m. EST.', 'Nov. 6, 2000, at 5 p.m. EST', '2000-11-06T17:00'],
    ['It will open at 12 a.m. Friday.', '12 a.m. Friday', '2000-04-07T00:00'],
    ['It will end at 12 pm Friday.', '12 pm Friday', '2000-04-07T12:00'],
    ['The 9 a.m. June 5, 2000 deadline passed.', '9 a.m. June 5, 2000', '2000-06-05T09:00'],
  ])('joins the time in %j: %s -> %s', (text, expectedText, value) => {
    expect(found(text)).toEqual([[expectedText, value, 'time']]);
  });

  it('joins it to a day placed from an earlier one', () => {
    expect(found('They met Tuesday, then at 9 a.m. the next day they left.')).toEqual([
      ['Tuesday', '2000-04-04', 'day'],
      ['9 a.m. the next day', '2000-04-05T09:00', 'time'],
    ]);
  });

  it.each([
    ['He was shot at 10 p.m. as he stood in his kitchen.'],
    ['A jogger saw the car at 6 a.m. near the house.'],
  ])('is no date without a day beside it: %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['They met Tuesday, and at 9 a.m. they left.', [['Tuesday', '2000-04-04', 'day']]],
    [
      'The meeting runs from Tuesday to Friday at 9 a.m.',
      [
        ['Tuesday', '2000-04-04', 'day'],
        ['Friday', '2000-04-07', 'day'],
      ],
    ],
    ['The 13 p.m. Tuesday slot is not a time.', [['Tuesday', '2000-04-04', 'day']]],
    ['Sales rose in the week at 9 a.m. trading.', []],
  ])('leaves the day alone when the time is not beside it or not a day: %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
