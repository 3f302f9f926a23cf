import { describe, expect, it } from 'vitest';
import { ABSOLUTE_RULES } from '#shared/facts/dates/absolute-rules.ts';
import { MONTH_OF_YEAR_RULE } from '#shared/facts/dates/month-of-year.ts';
import { numericRules } from '#shared/facts/dates/numeric.ts';
import { REFERENCE_RULES } from '#shared/facts/dates/reference-rules.ts';
import { RELATIVE_RULES } from '#shared/facts/dates/relative-rules.ts';
import { findCandidates, type Rule } from '#shared/facts/dates/rule.ts';

const RULES: readonly Rule[] = [
  ...numericRules('MDY'),
  ...ABSOLUTE_RULES,
  ...REFERENCE_RULES,
  ...RELATIVE_RULES,
  MONTH_OF_YEAR_RULE,
];

/** At least one phrase per hinted rule; each is checked alone, so a hint must be found next to its match. */
const PHRASES = [
  'They met on June 19, 2023 in Beijing.',
  'They met on Monday, Jan. 5 at noon.',
  'It was signed on the 3rd of March, 2021.',
  'The talks of June 2023 were tense; in may of nineteen ninety-six they were not.',
  'Profit rose in the third quarter of 1990 and in the 1990 fourth-quarter.',
  'Sales fell in the first half of fiscal 1989.',
  'It happened in the winter of 1994 and in late spring 2001.',
  'The 1990s, the ’80s and the sixties were loud.',
  'In the 20th century and the mid-19th-century.',
  'He recently left; it rained more lately; a few weeks ago; in the past they met.',
  'In the near future, the short term, and the coming years will tell; it will one day.',
  'The comparable quarter a year ago, last year’s period and the period a year earlier.',
  'A year earlier, a year ago and one year before; year-ago profits.',
  'The latest quarter, this period and the same quarter.',
  'Two days later and three months earlier, they met again.',
  'The rights end on Nov. 30. Until then, they can be swapped.',
  'They met on Oct. 3, 1989, and again the following Monday and the previous Friday.',
  'Talks resumed last Monday and Tuesday; Good Friday is not a weekday here.',
  'By year-end, at the end of the year, and year’s end.',
  'Biden said over the weekend that he hopes to meet Xi.',
  'Today is the eighth day of the airlift; it’s the 12th straight day of talks.',
  'Three years ago, five days from now, and two weeks hence.',
  'They met last November and this past May.',
  'Burns traveled to China in May, by early June, mid-July, from March to April, the end of August.',
  'Earnings for the third quarter, last year’s second quarter and fiscal fourth-quarter.',
  'Last spring and in the summer, during fall, the early winter.',
  'On Christmas Day, last Thanksgiving, Mother’s Day, the Fourth of July and Martin Luther King Jr. Day.',
  'New Year’s Eve, Easter Monday, Labor Day, Valentine’s Day and Halloween.',
  'New Year’s Day, Christmas Eve, Boxing Day, Election Day, Memorial Day and Veterans Day.',
  'Easter Sunday, Good Friday, Presidents’ Day and Father’s Day.',
  'Pilgrims came as Easter week began, and during last Holy Week.',
  'Net rose in the third quarter of last year and will in the first half of next year.',
  'That summer it rained, and the very next day it stopped.',
];

/** Dates with the longest beginnings before their hint that each rule with a `reach` allows. */
const FAR_REACHING = [
  'It was the week of Wednesday, June 5 and the beginning of June 2023.',
  'In The latter half of the the beginning of 1980s, and the beginning of calendar year 2019.',
  'Until now, and more than seventy-seven days ago, and several days ago, they met.',
  'Earlier in that day, this coming Monday, early today and the beginning of earlier in last week.',
  'Earlier in that winter it snowed.',
  'The beginning of June was dry, and this coming winter.',
  'In the immediate future, and in the distant future, prices will rise.',
  'Filed 2023-06-11, 2023/06/12 and 11/06/2023, in 3Q 2019 and Q4 2020.',
  'In the then current year, the current fiscal year, the 2019 quarter, and May of last year.',
  'Early October this year and mid-March last year.',
  'Born in nineteen ninety-six, by the year two thousand and one.',
  'Not this coming Easter week; this coming New Year’s Day, this coming New Year’s Eve, this coming Christmas Eve.',
  'This coming Christmas, this coming Boxing Day, this coming Thanksgiving, this coming Election Day.',
  'This coming Independence Day, this coming Labor Day, this coming Memorial Day, this coming Veterans Day.',
  'This coming Halloween, this coming Valentine’s Day, this coming Easter, this coming Good Friday.',
  'This coming Easter Monday, this coming Martin Luther King Jr. Day, this coming Presidents’ Day.',
  'This coming Mother’s Day and this coming Father’s Day.',
  'Seventy-seven days later it was the seventeenth consecutive day of talks, as it is the 3rd day of rain.',
  'Today is the seventeenth consecutive day of the strike.',
  'They met the previous Monday; it rained earlier in last March, and it ends before the end of this year.',
  'In The the beginning of 19th century.',
  'In The latter half of the last fiscal year and the fourth-quarter of this year.',
  'Until recently, and several decades ago, they met; more than seventy-seven quarters or so from now.',
  'The beginning of earlier in this coming week, and this coming the Fourth of July.',
  'The beginning of September, of nineteen ninety-six, and the beginning of September, of two thousand.',
  'In 1994, and on September 30th, of that year; in 1995 and in April of the following year.',
];

/** The same rules with no hint: every rule runs on every text. */
const UNHINTED: readonly Rule[] = RULES.map(({ hint: _hint, ...rule }) => rule);

const spans = (text: string, rules: readonly Rule[]) =>
  findCandidates(text, rules).map(({ start, end, kind }) => ({ start, end, kind }));

describe('date rule hints', () => {
  it.each([...PHRASES, PHRASES.join(' ')])('skip no match in %j', (text) => {
    expect(spans(text, RULES)).toEqual(spans(text, UNHINTED));
  });

  it.each(FAR_REACHING)('reach finds every match in %j', (text) => {
    expect(spans(text, RULES)).toEqual(spans(text, UNHINTED));
  });

  it.each(RULES.filter((rule) => rule.reach !== undefined).map((rule) => [rule.name, rule] as const))(
    '%s needs its whole reach for some phrase (a match starts that far before its hint)',
    (_name, rule) => {
      const shorter = { ...rule, reach: (rule.reach as number) - 1 };
      const changed = FAR_REACHING.filter(
        (text) => JSON.stringify(spans(text, [shorter])) !== JSON.stringify(spans(text, [rule])),
      );

      expect(changed).not.toEqual([]);
    },
  );

  it('every hinted rule matches somewhere in the phrases, so its hint is tested', () => {
    const unmatched = RULES.filter(
      (rule) =>
        rule.hint !== undefined &&
        ![...PHRASES, ...FAR_REACHING].some((text) => text.match(rule.pattern()) !== null),
    ).map((rule) => rule.name);

    expect(unmatched).toEqual([]);
  });
});
