import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Monday 19 June 2023. */
const PUBLISHED = '2023-06-19';

/** Each date as [text, value], and the range's ends when it is one. */
const found = (text: string) =>
  findDates(text, { publishedAt: PUBLISHED }).map((date) => [
    date.text,
    date.value,
    ...(date.range ? [date.range.from, date.range.to] : []),
  ]);

describe('a month or day without a year, in a sentence that dates another year', () => {
  it.each([
    [
      'The strike at the mill ran from Dec. 5, 1998 to Jan. 3 and cost the town dearly.',
      [
        ['Dec. 5, 1998', '1998-12-05', '1998-12-05', '1999-01-03'],
        ['Jan. 3', '1999-01-03', '1998-12-05', '1999-01-03'],
      ],
    ],
    [
      'The show at the old depot ran from March 2014 to June, drawing big crowds.',
      [
        ['March 2014', '2014-03', '2014-03', '2014-06'],
        ['June', '2014-06', '2014-03', '2014-06'],
      ],
    ],
    [
      'Born on May 3, 1950, the painter moved to Lyon on June 10 and studied there.',
      [
        ['May 3, 1950', '1950-05-03'],
        ['June 10', '1950-06-10'],
      ],
    ],
    [
      'The levy, payable Dec. 1, 2016, goes to holders of record Nov. 15.',
      [
        ['Dec. 1, 2016', '2016-12-01'],
        ['Nov. 15', '2016-11-15'],
      ],
    ],
  ])('reads "%s" from the dated one', (text, dates) => {
    expect(found(text)).toEqual(dates);
  });

  it.each([
    [
      'The pier closed on Dec. 30, 2014. On Jan. 2, the council said it would reopen.',
      [
        ['Dec. 30, 2014', '2014-12-30'],
        ['Jan. 2', '2023-01-02'],
      ],
    ],
    [
      'In November 2021 the board, which lost the 2020 vote, met on January 6 to decide.',
      [
        ['November 2021', '2021-11'],
        ['2020', '2020'],
        ['January 6', '2023-01-06'],
      ],
    ],
  ])('leaves "%s" to the publication date (another sentence, or a year written since)', (text, dates) => {
    expect(found(text)).toEqual(dates);
  });
});
