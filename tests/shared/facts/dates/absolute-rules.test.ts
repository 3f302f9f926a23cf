import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Monday 19 June 2023. */
const PUBLISHED = '2023-06-19';

const found = (text: string) =>
  findDates(text, { publishedAt: PUBLISHED }).map((date) => [date.text, date.value, date.granularity]);

describe('dates the text states whole', () => {
  it.each([
    ['The company was founded in 1997.', '1997', '1997', 'year'],
    ['Profit rose in fiscal 1989.', 'fiscal 1989', '1989', 'year'],
    ['The group fell apart in mid-1996.', 'mid-1996', '1996', 'year'],
    ['The post-1959 politics split families.', 'post-1959', '1959', 'year'],
    ['By the end of 1990 it was over.', 'the end of 1990', '1990', 'year'],
    ['Work began early 1990.', 'early 1990', '1990', 'year'],
    ['1990 was a hard year.', '1990', '1990', 'year'],
    ['Sea levels may rise a metre by 2150.', '2150', '2150', 'year'],
    ['Support rose in nineteen ninety-six.', 'nineteen ninety-six', '1996', 'year'],
    ['Plans for the year two thousand were made.', 'the year two thousand', '2000', 'year'],
    ['It dates from January nineteen ninety-seven.', 'January nineteen ninety-seven', '1997-01', 'month'],
    ['Sales of June 2023 were weak.', 'June 2023', '2023-06', 'month'],
    ['The Titanic struck an iceberg on April 14 , 1912 , and sank .', 'April 14 , 1912', '1912-04-14', 'day'],
    ['A hearing is set for the week of March 6, 2000.', 'the week of March 6, 2000', '2000-W10', 'week'],
    ['A hearing is set for the week of June 26.', 'the week of June 26', '2023-W26', 'week'],
    ['It closed in late November 1995.', 'late November 1995', '1995-11', 'month'],
    ['Costs rose in the 1990s.', 'the 1990s', '199', 'decade'],
    ['Interest peaked in the early 1980s.', 'the early 1980s', '198', 'decade'],
    ['A boom in the mid-1990s followed.', 'the mid-1990s', '199', 'decade'],
    ["It was the last half of the '80s.", "the last half of the '80s", '198', 'decade'],
    ['Music of the nineties returned.', 'the nineties', '199', 'decade'],
    ['The 20th century ended.', 'The 20th century', '19', 'century'],
    ['A castle of the 11th century stands.', 'the 11th century', '10', 'century'],
    ['Profit fell in the third quarter of 1990.', 'the third quarter of 1990', '1990-Q3', 'quarter'],
    ['Compared with the 1988 second quarter, sales rose.', 'the 1988 second quarter', '1988-Q2', 'quarter'],
    ["Results for 1988's fourth quarter were poor.", "1988's fourth quarter", '1988-Q4', 'quarter'],
    ['Revenue in Q3 2023 rose.', 'Q3 2023', '2023-Q3', 'quarter'],
    ['Sales fell in the first half of 1989.', 'the first half of 1989', '1989-H1', 'half'],
    ['The last half of 1989 was better.', 'The last half of 1989', '1989-H2', 'half'],
    ['It was built in the winter of 1994.', 'the winter of 1994', '1994-WI', 'season'],
    [
      'It was built in the winter of nineteen ninety-four.',
      'the winter of nineteen ninety-four',
      '1994-WI',
      'season',
    ],
    ['The show opens in spring 2024.', 'spring 2024', '2024-SP', 'season'],
    ['The monastery stood until nearly 1200.', '1200', '1200', 'year'],
  ])('reads %j: %s -> %s (%s)', (text, expectedText, value, granularity) => {
    expect(found(text)).toContainEqual([expectedText, value, granularity]);
  });

  it.each([
    ['Some 2000 people marched.'],
    ['Exports rose to 2023 tonnes.'],
    ['Cases rose to 2023 this week.'],
    ['The price was $1990.'],
    ['It weighed 1.1990 kilograms.'],
    ['A 1500-member force was sent.'],
    ['Call 555-1990 now.'],
    ['Two thousand and five people came.'],
    ['This summer more than 1000 cricket clubs will take part.'],
    ['Nearly 1200 new homes were built on the estate.'],
    ['At least 1800 paper ballots were lost.'],
    ['The name ranked in the top 2000 for decades.'],
    ['It never broke into the national top 1000.'],
    ['She keeps to a 2000 calorie diet.'],
    ['They began a 1000 mile journey on foot.'],
    ['The village keeps a 2000 year old tradition.'],
    ['A 2000 strong crowd waited outside.'],
    ['Calories 2400'],
    ['A car was southbound on 1600E Road near 400N Road.'],
    ['The part number is 2750 on the label.'],
  ])('reads no year in %j', (text) => {
    expect(found(text).filter(([, , granularity]) => granularity === 'year')).toEqual([]);
  });

  it.each([
    ['The name dropped off the top 1000 in 1944.', '1944'],
    ['The chapel was built about 1500.', '1500'],
    ['He served up to 2015 when he retired.', '2015'],
    ['Sales were 5% over 2014 levels.', '2014'],
    ['Top 2016 Trends in Retail', '2016'],
    ['A 2015 study of the river found little.', '2015'],
    ['He framed a 1990 pound note.', '1990'],
    ['She bought a 1998 page-a-day diary.', '1998'],
  ])('reads a count beside a year, or a year after a word of quantity, in %j: %s', (text, value) => {
    expect(
      found(text)
        .filter(([, , granularity]) => granularity === 'year')
        .map(([, year]) => year),
    ).toEqual([value]);
  });

  it.each([
    ["Her second record, 1980's Starlight, sold well.", '1980', '1980', 'year'],
    ['1970’s Harvest Moon was his best.', '1970', '1970', 'year'],
    ["In the 1980's prices rose.", "the 1980's", '198', 'decade'],
    ["They restored a 1930's farmhouse.", "1930's", '193', 'decade'],
    ["Fashions of 1960's Britain returned.", "1960's", '196', 'decade'],
  ])('reads %j as a possessive year or a decade: %s -> %s (%s)', (text, expectedText, value, granularity) => {
    expect(found(text)).toContainEqual([expectedText, value, granularity]);
  });

  it("counts 'a year later' from a possessive year, not from a decade", () => {
    expect(found("Her second record, 1980's Starlight, sold well. A year later she toured.")).toContainEqual([
      'A year later',
      '1981',
      'year',
    ]);
  });

  it('refuses a day that does not exist, and keeps the real year beside it', () => {
    const dates = found('June 31, 2023 is not a day.');

    expect(dates.some(([, value]) => value?.startsWith('2023-06'))).toBe(false);
  });
});
