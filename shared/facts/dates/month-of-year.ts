/**
 * A month or a day placed in a year that words after it name: "in April of that year" (the year spoken of last),
 * "in March of the following year", "December of the same year", "on June 16th of last year" (a year counted from
 * the article's date). One date, not a month placed near the article's date beside a separate "that year": "in 1994
 * … in April of that year", written in 1996, was 1996-04.
 */
import { day, month, yearOf } from './calendar.ts';
import type { Rule } from './rule.ts';
import { MONTH, monthNumber, NOT_AFTER_LETTER, NOT_BEFORE_LETTER, ORDINAL_SUFFIX } from './vocabulary.ts';

/** The words that name the year: the story's ("that", "the same", "the following") or the article's ("last"). */
const WHICH_YEAR = 'that|the\\ssame|the\\s(?:following|next|previous|prior)|last|this|next';

export const MONTH_OF_YEAR_RULE: Rule = {
  name: 'month-of-year',
  pattern: () =>
    new RegExp(
      `${NOT_AFTER_LETTER}(${MONTH})(?:\\s(\\d{1,2})${ORDINAL_SUFFIX})?,?\\sof\\s(${WHICH_YEAR})\\syear${NOT_BEFORE_LETTER}`,
      'gu',
    ),
  hint: new RegExp(`\\sof\\s(?:${WHICH_YEAR})\\syear`, 'u'),
  // "September 30th," before " of"
  reach: 15,
  kind: 'relative',
  read:
    ([, name, dayText, which]) =>
    ({ reference, anchor }) => {
      const words = which ?? '';
      const step = /following|next/u.test(words) ? 1 : /previous|prior|last/u.test(words) ? -1 : 0;
      // "of that year", "of the following year" count from the story's year; "of last year" from the article's
      const fromStory = /^(?:that|the)/u.test(words);
      const base = fromStory ? yearOf(reference) : anchor?.getUTCFullYear();
      if (base === undefined) return undefined;
      const monthValue = monthNumber(name);
      return dayText === undefined
        ? month(base + step, monthValue)
        : day(base + step, monthValue, Number(dayText));
    },
};
