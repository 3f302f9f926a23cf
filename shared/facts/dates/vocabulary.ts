/** The words dates are written with, and the regular-expression pieces the patterns are built from. */
import { NUMBER_WORDS } from '../numbers.ts';
import type { Season } from './calendar.ts';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const MONTH_FULL = MONTH_NAMES.join('|');
/** Full names first so that "June" is not read as "Jun"; abbreviations may carry a period. */
export const MONTH = `${MONTH_FULL}|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?`;
export const WEEKDAY = WEEKDAY_NAMES.join('|');
export const WEEKDAY_ABBREVIATED = `${WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.`;
export const NOT_AFTER_LETTER = '(?<![\\p{L}\\p{N}])';
export const NOT_BEFORE_LETTER = '(?![\\p{L}\\p{N}])';
/** A word that starts with a capital after another word in the same sentence: "USA Today", "told Now magazine". */
const CAPITAL_AFTER_WORD = /[\p{L}\p{N}][^\S\n]+$/u;

/**
 * Whether the word at `start` is capitalised inside a sentence, so part of a name ("USA Today", "The Today Show",
 * "an interview with Trending Today USA", "told Now magazine") rather than the word "today" or "now".
 */
export function isCapitalisedInSentence(text: string, start: number): boolean {
  return (
    /^\p{Lu}/u.test(text.charAt(start)) && CAPITAL_AFTER_WORD.test(text.slice(Math.max(0, start - 8), start))
  );
}
export const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?';
/** A four-digit year from 1000 to 2999 standing alone (not inside a longer number, a code or a decimal). */
export const YEAR = '([12]\\d{3})(?![\\p{N}]|[.,]\\d)';
/** What may not stand just before a year that has no prefix: a letter, a digit, a currency, a separator. */
export const NOT_BEFORE_YEAR = '(?<![\\p{L}\\p{N}$£€.,/-])';
/** Season words; "fall" only where a determiner makes it a noun (see the patterns). */
export const SEASONS: Readonly<Record<string, Season>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};
export const SEASON = 'spring|summer|fall|autumn|winter';

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
export const QUARTER_ORDINAL = 'first|second|third|fourth|1st|2nd|3rd|4th';
/** The hint of the rules for an ordinal quarter, one object so that a text without one is scanned once for it. */
export const QUARTER_HINT = new RegExp(`(?:${QUARTER_ORDINAL})[\\s-]quarter`, 'iu');

/** "a", "an" and the number words that numbers.ts reads, for "a week ago", "three days ago". */
const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  ...NUMBER_WORDS,
};
const COUNT_UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const COUNT_TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** A count of days, years…: "a", "three", "eighteen", "twenty-two", "22". */
/** Not after "half": "half a year later", "half a year ago" are half of the unit, not "a year later". */
export const NOT_HALF = '(?<![Hh]alf\\s)';

export const COUNT = `an?|${COUNT_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:${COUNT_TENS})(?:[-\\s](?:${COUNT_UNITS}))?|\\d{1,3}`;

/** The value of a COUNT: "twenty-two" is 22. */
export function countOf(word: string | undefined): number {
  const parts = (word ?? '').toLowerCase().split(/[-\s]+/u);
  let total = 0;
  for (const part of parts) total += SMALL_NUMBERS[part] ?? Number(part);
  return total;
}

export function monthNumber(name: string | undefined): number {
  const prefix = (name ?? '').slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((monthName) => monthName.toLowerCase().startsWith(prefix)) + 1;
}

export function weekdayNumber(name: string | undefined): number {
  const prefix = (name ?? '').slice(0, 3).toLowerCase();
  return WEEKDAY_NAMES.findIndex((weekday) => weekday.toLowerCase().startsWith(prefix));
}

export function ordinalOf(word: string | undefined): number {
  return ORDINALS[(word ?? '').toLowerCase()] ?? Number.NaN;
}

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** "ninety-six", "seventy nine", "ten", "oh five". */
const TWO_DIGITS = `(?:(?:${TENS_WORDS})(?:[- ](?:${UNITS}))?|${TEENS}|oh[- ](?:${UNITS}))`;
/** Years written as two numbers: "nineteen ninety-six", "twenty ten". */
export const SPELLED_CENTURY_YEAR = `(?:(?:nineteen|eighteen|twenty)\\s${TWO_DIGITS})`;
/** Also "two thousand", "two thousand and five": years only where the context says so ("the year ..."). */
export const SPELLED_YEAR = `(?:${SPELLED_CENTURY_YEAR}|two\\sthousand(?:\\s(?:and\\s)?(?:${UNITS}|${TEENS}))?)`;

/** The value of a year written in words, or NaN. */
export function spelledYear(words: string): number {
  const parts = words.toLowerCase().split(/[\s-]+/u);
  if (parts[0] === 'two' && parts[1] === 'thousand') {
    return 2000 + sumOf(parts.slice(2).filter((part) => part !== 'and'));
  }
  const century = { eighteen: 18, nineteen: 19, twenty: 20 }[parts[0] ?? ''];
  if (century === undefined) return Number.NaN;
  return century * 100 + sumOf(parts.slice(1).filter((part) => part !== 'oh'));
}

function sumOf(parts: readonly string[]): number {
  let total = 0;
  for (const part of parts) {
    const value = NUMBER_WORDS[part];
    if (value === undefined) return Number.NaN;
    total += value;
  }
  return total;
}

/** "the nineties", "the eighties": a decade of the twentieth century. */
export const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 1920,
  thirties: 1930,
  forties: 1940,
  fifties: 1950,
  sixties: 1960,
  seventies: 1970,
  eighties: 1980,
  nineties: 1990,
};
