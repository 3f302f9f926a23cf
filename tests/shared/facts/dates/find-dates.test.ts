import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Monday 19 June 2023, the seed article's publication date. */
const PUBLISHED = '2023-06-19';

describe('findDates', () => {
  it.each([
    ['They met on June 19, 2023 in Beijing.', 'June 19, 2023', '2023-06-19'],
    ['They met on 19 June 2023 in Beijing.', '19 June 2023', '2023-06-19'],
    ['They met on 2023-06-19 in Beijing.', '2023-06-19', '2023-06-19'],
    ['The talks of June 2023 were tense.', 'June 2023', '2023-06'],
    ['A caption: Monday, June 19, 2023.', 'Monday, June 19, 2023', '2023-06-19'],
    ['It was signed on Jan. 5, 2020.', 'Jan. 5, 2020', '2020-01-05'],
    ['It was signed on the 3rd of March, 2021.', 'the 3rd of March, 2021', '2021-03-03'],
    ['The treaty dates from 1997.', '1997', '1997'],
  ])('reads the absolute date in %j as %s -> %s', (text, expectedText, value) => {
    const [date] = findDates(text);

    expect(date).toMatchObject({ text: expectedText, value, kind: 'absolute' });
    expect(date?.anchor).toBeUndefined();
  });

  it.each([
    ['Blinken met Xi on Monday.', 'Monday', '2023-06-19'],
    ['In the first round of talks on Sunday, they met.', 'Sunday', '2023-06-18'],
    ['Xi gave a hint on Friday.', 'Friday', '2023-06-16'],
    ['Earlier Monday, Blinken met Wang.', 'Monday', '2023-06-19'],
    ['He will fly home on Friday.', 'Friday', '2023-06-23'],
    ['They spoke last Monday.', 'last Monday', '2023-06-12'],
    ['They will speak next Monday.', 'next Monday', '2023-06-26'],
    ['The visit was announced yesterday.', 'yesterday', '2023-06-18'],
    ['The visit ends tomorrow.', 'tomorrow', '2023-06-20'],
    ['And earlier this month, the minister refused.', 'earlier this month', '2023-06'],
    ['The deal was signed last month.', 'last month', '2023-05'],
    ['Talks resumed last week.', 'last week', '2023-W24'],
    ['Biden said over the weekend that he hopes to meet Xi.', 'the weekend', '2023-W24-WE'],
    ['The talks resume this weekend.', 'this weekend', '2023-W25-WE'],
    ['They met last weekend.', 'last weekend', '2023-W24-WE'],
    ['Burns traveled to China in May.', 'May', '2023-05'],
    [
      'The visit comes after his initial plans to travel to China in February were delayed.',
      'February',
      '2023-02',
    ],
    ['He plans to travel to China in February.', 'February', '2024-02'],
    ['The balloon was shot down in February.', 'February', '2023-02'],
    ['Elections are due in November.', 'November', '2023-11'],
    ['They met three days ago.', 'three days ago', '2023-06-16'],
    ['They met two years ago.', 'two years ago', '2021'],
    ['The summit opens on June 21.', 'June 21', '2023-06-21'],
    ['Growth slowed this year.', 'this year', '2023'],
  ])('resolves the relative date in %j (%s) against publishedAt to %s', (text, expectedText, value) => {
    const [date] = findDates(text, { publishedAt: PUBLISHED });

    expect(date).toMatchObject({ text: expectedText, value, kind: 'relative' });
    expect(date?.anchor).toEqual({ value: PUBLISHED, from: 'metadata' });
  });

  it.each([
    // a date under the headline, or opening its line near the top with its weekday (Wikinews)
    [
      'Ants and their medicine Tuesday, September 1, 2015\n\nHe met the team on Sunday.',
      '2015-08-30',
      '2015-09-01',
    ],
    [
      'A bar owner speaks\n\nThursday, March 15, 2012 We spoke to her on Saturday.',
      '2012-03-10',
      '2012-03-15',
    ],
    // the date line under a quoted post
    ['The crowd booed him on Sunday.\n\n— A Fan (@fan) December 29, 2014', '2014-12-28', '2014-12-29'],
    // of two date lines, the latest
    ['Posted June 1, 2023\nThe report came on Sunday.\nUpdated June 18, 2023\n', '2023-06-18', '2023-06-18'],
  ])('anchors relative dates on a date line when there is no publication date: %j', (text, value, anchor) => {
    const dates = findDates(text);

    expect(dates.find((date) => date.text === 'Sunday' || date.text === 'Saturday')).toMatchObject({
      value,
      anchor: { value: anchor, from: 'text' },
    });
  });

  it.each([
    'The bombs went off at the finish line on April 15, 2013. He was convicted on Sunday.',
    'Lane was shot on August 16, 2013, in a random killing. His killer admitted it in court on Sunday.',
    'Norton (c. 1818 – January 8, 1880) was a citizen of San Francisco. He spoke of it on Sunday.',
    'He was charged over acts between Nov. 28, 2005, and Oct. 12, 2006.\nHe pleaded not guilty on Sunday.',
  ])(
    'gives no value to a relative date when only the story writes a day (no publication date): %j',
    (text) => {
      const sunday = findDates(text).find((date) => date.text === 'Sunday');

      expect(sunday).toBeDefined();
      expect(sunday).not.toHaveProperty('value');
      expect(sunday).not.toHaveProperty('anchor');
    },
  );

  it.each([
    'Lebed , Chechens sign deal .\nKHASAVYURT , Russia 1996-08-31\nThey agreed to defer the issue until December 31 , 2001 .\nYeltsin backed it on Friday .',
    'LONDON, Aug. 31, 1996 (Reuters) - They agreed to defer it until Dec. 31, 2001. Yeltsin backed it on Friday.',
    // a headline run into its dateline and lead on one line, as tokenised wire text is
    'LEBED SIGNS DEAL . KHASAVYURT , Russia 1996-08-31 They agreed to defer it until December 31 , 2001 . Yeltsin backed it on Friday .',
    'Press digest - Russia - Aug 31 . MOSCOW 1996-08-31 Yeltsin backed it on Friday , until December 31 , 2001 .',
  ])('anchors relative dates on the dateline day rather than a later deadline: %j', (text) => {
    const dates = findDates(text);

    expect(dates.find((date) => date.text === 'Friday')).toMatchObject({
      value: '1996-08-30',
      anchor: { value: '1996-08-31', from: 'text' },
    });
  });

  it("says the anchor came from the article's address when publishedAt did", () => {
    const [date] = findDates('They met on Monday.', { publishedAt: '2023-06-21', publishedFromUrl: true });

    expect(date).toMatchObject({ value: '2023-06-19', anchor: { value: '2023-06-21', from: 'url' } });
  });

  it('uses only the date part of a publication timestamp as the anchor', () => {
    const [date] = findDates('They met on Monday.', { publishedAt: '2023-06-21T23:30:00Z' });

    expect(date).toMatchObject({ value: '2023-06-19', anchor: { value: '2023-06-21', from: 'metadata' } });
  });

  it.each([
    ['Here are events that occurred on June 2 in history.', 'June 2', 'XXXX-06-02'],
    ['Here are events that occurred on 4 July in history.', '4 July', 'XXXX-07-04'],
    ['Today in History: March 4\n\nIn 1933, Franklin Roosevelt was sworn in.', 'March 4', 'XXXX-03-04'],
    ['Our historical calendar - September 7 .', 'September 7', 'XXXX-09-07'],
  ])('reads a day of the year in no year in %j as %s, %s', (text, expectedText, value) => {
    const dates = findDates(text, { publishedAt: PUBLISHED });

    expect(dates).toContainEqual(
      expect.objectContaining({ text: expectedText, value, granularity: 'day', kind: 'absolute' }),
    );
  });

  it('anchors nothing on a day of no year, nor places later dates from it', () => {
    const dates = findDates('On this day: March 4\n\nOn Monday, a year later, they met.');

    expect(dates.map((date) => [date.text, date.value])).toEqual([
      ['March 4', 'XXXX-03-04'],
      ['Monday', undefined],
      ['a year later', undefined],
    ]);
  });

  it.each([
    ['The ferries will leave on Monday and Tuesday nights from May 2.', 'May 2', '2024-05-02'],
    ['The show airs Tuesday evenings starting June 6.', 'June 6', '2023-06-06'],
    ['Trains run Saturday, Sunday and Monday mornings until July 4.', 'July 4', '2023-07-04'],
  ])('reads the weekdays of a timetable in %j as no day, only its first day', (text, expectedText, value) => {
    const dates = findDates(text, { publishedAt: PUBLISHED });

    expect(dates.map((date) => date.text)).toEqual([expectedText]);
    expect(dates[0]?.value).toBe(value);
  });

  it('still reads weekdays with nights and no timetable as days', () => {
    const dates = findDates('Storms hit the coast on Monday and Tuesday nights.', { publishedAt: PUBLISHED });

    expect(dates.map((date) => date.text)).toEqual(['Monday', 'Tuesday']);
    expect(dates.every((date) => date.granularity === 'day')).toBe(true);
  });

  it('keeps a weekday it cannot place (no publication date, no absolute day in the text) without a value', () => {
    const dates = findDates('They met on Monday and again last week.');

    expect(dates.map((date) => [date.text, date.value, date.kind])).toEqual([
      ['Monday', undefined, 'relative'],
      ['last week', undefined, 'relative'],
    ]);
    expect(dates[0]).not.toHaveProperty('value');
    expect(dates[0]).not.toHaveProperty('anchor');
  });

  it.each([
    ['a two-day visit'],
    ['they talked for three hours'],
    ['the first secretary of state to make the trip in five years'],
    ['May I ask a question?'],
    ['She may visit.'],
    ['COVID-19 cases rose to 2023'],
    ['He told the Sunday Times about it.'],
    ['Shops opened on Black Friday.'],
    // "by the year" as "with each year" (a CNN page read it as a year the story named before it)
    ['Finding witnesses gets harder by the year because few are left.'],
    // a year-month branch of a release schedule, not next year (a documentation page read it as 2024)
    ['Patches come for one month after the next year-month release.'],
    ['Releases follow the next year-month scheme.'],
  ])('reports no date in %j', (text) => {
    expect(findDates(text, { publishedAt: PUBLISHED })).toEqual([]);
  });

  it.each([
    ['The deal should close by the year\u2019s end.', 'the year', '2023'],
    ['The target is 40 plants by the year 2030.', '2030', '2030'],
    ['The plant will reopen next year-end, the firm said.', 'next year', '2024'],
    ['Sales rose over the year as a whole.', 'the year', '2023'],
  ])('still reads the year in %j', (text, expectedText, value) => {
    const dates = findDates(text, { publishedAt: PUBLISHED });

    expect(dates.map((date) => [date.text, date.value])).toContainEqual([expectedText, value]);
  });

  it('reads no year in "harder by the year" after a year the story names', () => {
    const dates = findDates('In 1920 the archive opened; finding witnesses gets harder by the year.', {
      publishedAt: PUBLISHED,
    });

    expect(dates.map((date) => date.text)).toEqual(['1920']);
  });

  it('gives each date the exact span of its text', () => {
    const text = 'On Monday, June 19, 2023, and again on Friday, they met; in May too.';

    for (const date of findDates(text, { publishedAt: PUBLISHED })) {
      expect(text.slice(date.start, date.end)).toBe(date.text);
    }
  });
});
