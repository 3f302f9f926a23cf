import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Monday 19 June 2023. */
const PUBLISHED = '2023-06-19';

/** Each date as [text, value, the range's text, from, to]. */
const found = (text: string) =>
  findDates(text, { publishedAt: PUBLISHED }).map((date) => [
    date.text,
    date.value,
    ...(date.range ? [text.slice(date.range.start, date.range.end), date.range.from, date.range.to] : []),
  ]);

describe('ranges', () => {
  it.each([
    [
      'Sales grew from 2014 to 2019.',
      [
        ['2014', '2014', 'from 2014 to 2019', '2014', '2019'],
        ['2019', '2019', 'from 2014 to 2019', '2014', '2019'],
      ],
    ],
    [
      'Sales grew between 2014 and 2019.',
      [
        ['2014', '2014', 'between 2014 and 2019', '2014', '2019'],
        ['2019', '2019', 'between 2014 and 2019', '2014', '2019'],
      ],
    ],
    [
      'The summit runs June 19–20.',
      [
        ['June 19', '2023-06-19', 'June 19–20', '2023-06-19', '2023-06-20'],
        ['20', '2023-06-20', 'June 19–20', '2023-06-19', '2023-06-20'],
      ],
    ],
    [
      'The summit runs 19-20 June.',
      [
        ['19', '2023-06-19', '19-20 June', '2023-06-19', '2023-06-20'],
        ['20 June', '2023-06-20', '19-20 June', '2023-06-19', '2023-06-20'],
      ],
    ],
    [
      'The summit ran June 19-20, 2022.',
      [
        ['June 19', '2022-06-19', 'June 19-20, 2022', '2022-06-19', '2022-06-20'],
        ['20, 2022', '2022-06-20', 'June 19-20, 2022', '2022-06-19', '2022-06-20'],
      ],
    ],
    [
      'The 2019-20 season was cut short.',
      [
        ['2019', '2019', '2019-20', '2019', '2020'],
        ['20', '2020', '2019-20', '2019', '2020'],
      ],
    ],
    [
      'In fiscal 1999-00 it lost money.',
      [
        ['fiscal 1999', '1999', 'fiscal 1999-00', '1999', '2000'],
        ['00', '2000', 'fiscal 1999-00', '1999', '2000'],
      ],
    ],
    [
      'Output fell from 1990–1995.',
      [
        ['1990', '1990', 'from 1990–1995', '1990', '1995'],
        ['1995', '1995', 'from 1990–1995', '1990', '1995'],
      ],
    ],
    [
      'March to May 2021 was wet.',
      [
        ['March', '2021-03', 'March to May 2021', '2021-03', '2021-05'],
        ['May 2021', '2021-05', 'March to May 2021', '2021-03', '2021-05'],
      ],
    ],
    [
      // An end without a year after a start with one: the first such day after the start, not one of 2023.
      'The strike at the mill ran from Dec. 5, 1998 to Jan. 3 and cost the town dearly.',
      [
        ['Dec. 5, 1998', '1998-12-05', 'from Dec. 5, 1998 to Jan. 3', '1998-12-05', '1999-01-03'],
        ['Jan. 3', '1999-01-03', 'from Dec. 5, 1998 to Jan. 3', '1998-12-05', '1999-01-03'],
      ],
    ],
    [
      'The show at the old depot ran from March 2014 to June, drawing big crowds.',
      [
        ['March 2014', '2014-03', 'from March 2014 to June', '2014-03', '2014-06'],
        ['June', '2014-06', 'from March 2014 to June', '2014-03', '2014-06'],
      ],
    ],
    [
      'The talks were held December 30, 2011 - January 2.',
      [
        ['December 30, 2011', '2011-12-30', 'December 30, 2011 - January 2', '2011-12-30', '2012-01-02'],
        ['January 2', '2012-01-02', 'December 30, 2011 - January 2', '2011-12-30', '2012-01-02'],
      ],
    ],
    [
      'Shops open Monday to Friday.',
      [
        ['Monday', '2023-06-19', 'Monday to Friday', '2023-06-19', '2023-06-23'],
        ['Friday', '2023-06-23', 'Monday to Friday', '2023-06-19', '2023-06-23'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    [
      'Talks were held on April 24 and 25.',
      [
        ['April 24', '2023-04-24'],
        ['25', '2023-04-25'],
      ],
    ],
    [
      'It happened in 2014 and 2019.',
      [
        ['2014', '2014'],
        ['2019', '2019'],
      ],
    ],
    [
      'It fell from 2019 to 2014 levels.',
      [
        ['2019', '2019'],
        ['2014', '2014'],
      ],
    ],
    ['The score was 6-4 in 1990.', [['1990', '1990']]],
  ])('links no range in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
