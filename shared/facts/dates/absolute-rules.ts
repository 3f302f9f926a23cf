/**
 * Dates the text states whole: "June 19, 2023", "19 June 2023", "2023-06-19", "June 2023", "1997",
 * "fiscal 1989", "nineteen ninety-six", "the 1990s", "the 20th century", "the third quarter of 1990",
 * "the first half of 1989", "the winter of 1994". A month and day without a year need the anchor's year.
 */
import {
  century,
  day,
  decade,
  half,
  month,
  nearestDay,
  parseDay,
  quarter,
  type Resolved,
  season,
  week,
  year,
} from './calendar.ts';
import type { Resolver, Rule } from './rule.ts';
import {
  DECADE_WORDS,
  MONTH,
  monthNumber,
  NOT_AFTER_LETTER,
  NOT_BEFORE_LETTER,
  NOT_BEFORE_YEAR,
  ORDINAL_SUFFIX,
  ordinalOf,
  QUARTER_HINT,
  QUARTER_ORDINAL,
  SEASON,
  SEASONS,
  SPELLED_CENTURY_YEAR,
  SPELLED_YEAR,
  spelledYear,
  WEEKDAY_ABBREVIATED,
  weekdayNumber,
  YEAR,
} from './vocabulary.ts';

/**
 * "early", "late", "mid-", "the end of": kept in the span; TIMEX3 leaves the value as it is. A word of its own, not the
 * end of one ("nearly 2015", "chocolate 2014").
 */
const MODIFIER =
  '(?<![\\p{L}])(?:(?:[Tt]he\\s)?(?:[Vv]ery\\s)?(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\\s)|[Mm]iddle\\sof\\s|(?:[Tt]he\\s)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle|[Cc]lose|[Tt]urn)\\sof\\s)';
/** The longest MODIFIER ("the beginning of "), for a rule's `reach`. */
const MODIFIER_LENGTH = 17;
/**
 * "1990's" is a year's possessive, not the decade, when it stands alone before a name: nothing of its phrase before
 * it (no "the", "a", "early", preposition or other word: the start of a sentence or a comma, "first album, 1990's
 * Unison") and a capitalised word after it. A decade is written "the 1990's", "a 1930's house", "of 1960's Britain".
 * The year rule then reads the year, as it reads "1991's Unison".
 */
const POSSESSIVE_YEAR = /^[12]\d{2}0['’]s$/u;
/** The end of what comes before: a comma, colon, dash or bracket, or a sentence's end (then perhaps a quote). */
const NOTHING_BEFORE = /(?:[,;:(“"—–]|[.!?]["”’)]?)$/u;
const NAME_AFTER = /^\s\p{Lu}/u;

function nothingBefore(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  return end === 0 || NOTHING_BEFORE.test(text.slice(Math.max(0, end - 2), end));
}

function isPossessiveYear(match: RegExpExecArray, text: string): boolean {
  const end = match.index + match[0].length;
  return (
    POSSESSIVE_YEAR.test(match[0]) &&
    nothingBefore(text, match.index) &&
    NAME_AFTER.test(text.slice(end, end + 2))
  );
}

const WEEKDAY_PREFIX = `(?:(${WEEKDAY_ABBREVIATED}),?\\s)?`;
/** ", 2023", " 2023", " of 2023", and " , 2023" in tokenised text ("April 14 , 1912"). */
const YEAR_SUFFIX = `(?:\\s?,?\\s(?:of\\s)?([12]\\d{3})(?![\\p{N}]|[.,]\\d))?`;

/** Words after a four-digit number that make it a count or a measure, not a year ("2000 people", "1200 g"). */
export const COUNTED_NOUNS =
  '(?:percent|per\\scent|people|persons|troops|soldiers|police|men|women|children|workers|employees|jobs|students|members|residents|refugees|cases|deaths|dead|meters|metres|feet|ft|miles|km|kilometers|kilometres|pounds|lbs?|kg|tons|tonnes|barrels|acres|hectares|units|shares|votes|seats|times|yards|points|words|hours|minutes|seconds|days|weeks|months|years|cars|vehicles|homes|houses|planes|aircraft|ships|tanks|rounds|acres|kilograms|grams|calories|copies|delegates|candidates|companies|stores|sites|flights|passengers|patients|beds|doctors|visitors|fans|rooms|g|mg|ml|cl|oz|cc|kcal|mAh|MHz|GHz|rpm)\\b(?!-)';

/** A unit written onto a four-digit number ("1500cc", "1000mg"): a lowercase letter, not the plural "s" of "1990s". */
export const GLUED_UNIT = '(?!s(?![\\p{L}]))\\p{Ll}';

/** A capital glued to the number makes it a code or a grid road, not a year: "1600E Road", "a 2049N marker". */
const GLUED_CAPITAL = '\\p{Lu}';
/** The last year a four-digit number written alone is read as. */
const LAST_BARE_YEAR = 2199;

/** "rose to 2023", "totaled 1990": a four-digit number after a verb of quantity is a count. */
const NOT_AFTER_QUANTITY_VERB =
  '(?<!(?:rose|rise|rises|rising|fell|fall|falls|falling|climbed|increased|decreased|dropped|jumped|soared|plunged|slipped|declined|totall?ed|reached|numbered|gained|lost|added|grew|stood)\\s(?:(?:to|by|at|about|nearly|almost|some|only|just)\\s)?)';

/**
 * A four-digit number that counts or ranks: after "more than", "nearly", "at least", … and before a word ("more
 * than 1000 cricket clubs", "nearly 1200 new homes"), or after a lowercase "top" ("dropped off the top 1000 in
 * 1944", "the national top 1000"; "Top 2016 Trends" is a title's year). "About" and "around" stay out ("built
 * about 1500" is a year), as do "over" ("over 2014 levels") and "up to" ("served up to 2015 when he retired").
 */
const NOT_A_COUNT =
  '(?!(?<=(?<![\\p{L}])(?:[Mm]ore\\sthan|[Ff]ewer\\sthan|[Ll]ess\\sthan|[Nn]early|[Aa]lmost|[Rr]oughly|[Aa]t\\sleast)\\s[12]\\d{3})\\s\\p{Ll})(?<!(?<![\\p{L}])(?:top|[Tt]he\\stop|[Aa]\\stop)\\s[12]\\d{3})';

/**
 * A four-digit number that measures something a thing has, after "a"/"an" and before a singular unit used as an
 * adjective: "a 2000 calorie diet", "a 1000 mile journey", "a 2000 year old tradition", "a 3000 strong crowd". Only
 * units that a year does not stand before ("a 1990 pound note", "a 2015 study" and "a 1990 word processor" keep their
 * year).
 */
const NOT_A_MEASURE =
  '(?!(?<=(?<![\\p{L}])[Aa]n?\\s[12]\\d{3})\\s(?:calorie|mile|kilometre|kilometer|metre|meter|foot|yard|page|acre|hectare|ton|tonne|gallon|litre|liter|strong|year(?:\\s|-)old)(?![\\p{L}-]))';

/** A resolver for a value known from the text alone; no resolver (the match is refused) when it is not a date. */
const fixed = (resolved: Resolved | undefined): Resolver | undefined =>
  resolved === undefined ? undefined : () => resolved;

/**
 * A day of the year in no year: "events to have occurred on September 7 in history", "Today in History: September
 * 7", "Reuters historical calendar - September 7". TIMEX3 writes it XXXX-09-07.
 */
const RECURRING_AFTER = /^\s(?:in\s[Hh]istory|in\syears\spast)(?![\p{L}])/u;
const RECURRING_BEFORE = /(?:in\s[Hh]istory|[Cc]alendar|[Oo]n\s[Tt]his\s[Dd]ay)\s?[-–—:,]?\s*$/u;

/** The 40 characters before the day, cut at its line's start (looked for in those 40 alone: a text of one long line
 * would otherwise be scanned back to its start for every day in it). */
function isRecurringDay(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return (
    RECURRING_AFTER.test(text.slice(end, end + 20)) ||
    RECURRING_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1))
  );
}

/** "September 7" of every year: XXXX-09-07 (absent when there is no such day). */
function recurringDay(monthName: string | undefined, dayText: string | undefined): Resolver | undefined {
  const resolved = day(2000, monthNumber(monthName), Number(dayText));
  return fixed(resolved && { ...resolved, value: `XXXX${resolved.value.slice(4)}` });
}

/** A month and day without a year, in no year ("September 7 in history"): the match is absolute, as written. */
const yearless = (match: RegExpExecArray, text: string, year: string | undefined) =>
  year === undefined && isRecurringDay(text, match.index, match.index + match[0].length);

/** A month and day: with a year it is absolute; without one, the year that puts it nearest the anchor. */
function monthDay(
  monthName: string | undefined,
  dayText: string | undefined,
  yearText: string | undefined,
  weekdayName: string | undefined,
): Resolver | undefined {
  const monthValue = monthNumber(monthName);
  const dayValue = Number(dayText);
  if (yearText !== undefined) return fixed(day(yearText, monthValue, dayValue));
  if (day(2000, monthValue, dayValue) === undefined) return undefined;
  const weekday = weekdayName === undefined ? -1 : weekdayNumber(weekdayName);
  return ({ anchor, tense }) =>
    anchor ? nearestDay(anchor, monthValue, dayValue, tense, weekday) : undefined;
}

/** "the week of March 6": the ISO week that holds the day. */
function weekOfDay(resolve: Resolver): Resolver {
  return (context) => {
    const resolved = resolve(context);
    const date = resolved && parseDay(resolved.value);
    return date ? week(date) : undefined;
  };
}

export const ABSOLUTE_RULES: readonly Rule[] = [
  {
    name: 'iso-day',
    pattern: () => /(?<![\p{L}\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}-])/gu,
    hint: /\d{4}-\d{2}-\d{2}/u,
    reach: 0,
    kind: 'absolute',
    read: ([, y, m, d]) => fixed(day(y, m, d)),
  },
  {
    name: 'month-day-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:([Tt]he\\sweek\\sof)\\s)?${WEEKDAY_PREFIX}(${MONTH})\\s(\\d{1,2})${ORDINAL_SUFFIX}${NOT_BEFORE_LETTER}${YEAR_SUFFIX}`,
        'gu',
      ),
    hint: new RegExp(`(?:${MONTH})\\s\\d`, 'u'),
    // "the week of " (12) and "Wednesday, " (11) before the month
    reach: 23,
    kind: (match, text) =>
      match[5] === undefined && !yearless(match, text, match[5]) ? 'relative' : 'absolute',
    read: (match, text) => {
      const [, weekOf, weekday, m, d, y] = match;
      if (weekOf === undefined && weekday === undefined && yearless(match, text, y))
        return recurringDay(m, d);
      const resolve = monthDay(m, d, y, weekday);
      return weekOf === undefined ? resolve : resolve && weekOfDay(resolve);
    },
  },
  {
    name: 'day-month-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}${WEEKDAY_PREFIX}(?:the\\s)?(\\d{1,2})${ORDINAL_SUFFIX}\\s(?:of\\s)?(${MONTH})${NOT_BEFORE_LETTER}${YEAR_SUFFIX}`,
        'gu',
      ),
    hint: new RegExp(`\\d${ORDINAL_SUFFIX}\\s(?:of\\s)?(?:${MONTH})`, 'u'),
    kind: (match, text) =>
      match[4] === undefined && !yearless(match, text, match[4]) ? 'relative' : 'absolute',
    read: (match, text) => {
      const [, weekday, d, m, y] = match;
      return weekday === undefined && yearless(match, text, y)
        ? recurringDay(m, d)
        : monthDay(m, d, y, weekday);
    },
  },
  {
    name: 'month-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}${MODIFIER}?(${MONTH}),?\\s(?:of\\s)?(?:([12]\\d{3})(?![\\p{N}]|[.,]\\d)|(${SPELLED_YEAR})${NOT_BEFORE_LETTER})`,
        'giu',
      ),
    // The year first (its last three digits, or "teen", "twenty", "thousand" of a spelled one), the month before
    // it looked back for: a case-blind scan for twelve month names tries most of the text's letters
    hint: new RegExp(
      `\\d{3}(?<=(?:${MONTH}),?\\s(?:of\\s)?[12]\\d{3})|(?:teen|twenty|thousand)(?<=(?:${MONTH}),?\\s(?:of\\s)?(?:nineteen|eighteen|twenty|two\\sthousand))`,
      'iu',
    ),
    // the modifier, "September, of " (14), and "nine" of "nineteen" or "two " of "two thousand" (4)
    reach: MODIFIER_LENGTH + 18,
    kind: 'absolute',
    read: ([, m, digits, words]) =>
      fixed(month(digits ? Number(digits) : spelledYear(words ?? ''), monthNumber(m))),
  },
  {
    name: 'quarter-of-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:the\\s)?(?:([12]\\d{3})\\s|([12]\\d{3})['’]s\\s)?(?:fiscal[\\s-])?(${QUARTER_ORDINAL})[\\s-]quarter\\s(?:of\\s)?(?:fiscal\\s)?([12]\\d{3})${NOT_BEFORE_LETTER}|${NOT_AFTER_LETTER}(?:the\\s)?(?:([12]\\d{3})\\s|([12]\\d{3})['’]s\\s)(?:fiscal[\\s-])?(${QUARTER_ORDINAL})[\\s-]quarter${NOT_BEFORE_LETTER}`,
        'giu',
      ),
    hint: QUARTER_HINT,
    kind: 'absolute',
    read: ([, , , ordinal, y, y2, y3, ordinal2]) =>
      fixed(quarter(Number(y ?? y2 ?? y3), ordinalOf(ordinal ?? ordinal2))),
  },
  {
    name: 'q-number',
    pattern: () =>
      /(?<![\p{L}\p{N}])([1-4])Q\s?([12]\d{3})(?!\p{N})|(?<![\p{L}\p{N}])Q([1-4])\s([12]\d{3})(?!\p{N})/gu,
    hint: /Q/u,
    // the digit before "Q"
    reach: 1,
    kind: 'absolute',
    read: ([, q, y, q2, y2]) => fixed(quarter(Number(y ?? y2), Number(q ?? q2))),
  },
  {
    name: 'half-of-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:the\\s)?(first|second|last|latter)\\shalf\\sof\\s(?:fiscal\\s)?([12]\\d{3})${NOT_BEFORE_LETTER}`,
        'giu',
      ),
    hint: /\shalf\sof\s/iu,
    kind: 'absolute',
    read: ([, which, y]) => fixed(half(Number(y), which?.toLowerCase() === 'first' ? 1 : 2)),
  },
  {
    name: 'season-of-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:the\\s)?(?:(?:early|late|mid)[\\s-])?(${SEASON})\\s(?:of\\s)?(?:([12]\\d{3})(?!\\p{N})|(${SPELLED_YEAR})${NOT_BEFORE_LETTER})`,
        'giu',
      ),
    hint: new RegExp(`(?:${SEASON})\\s(?:of\\s)?(?:[12]\\d{3}|${SPELLED_YEAR})`, 'iu'),
    kind: 'absolute',
    read: ([, name, digits, words]) => {
      const code = SEASONS[(name ?? '').toLowerCase()];
      return code && fixed(season(digits ? Number(digits) : spelledYear(words ?? ''), code));
    },
  },
  {
    name: 'decade',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:[Tt]he\\s)?(?:(?:[Ff]irst|[Ss]econd|[Ll]ast|[Ll]atter)\\shalf\\sof\\sthe\\s)?${MODIFIER}?(?:([12]\\d{2})0['’]?s|['’](\\d)0s|(${Object.keys(DECADE_WORDS).join('|')}))${NOT_BEFORE_LETTER}`,
        'gu',
      ),
    hint: new RegExp(`\\d0['’]?s|${Object.keys(DECADE_WORDS).join('|')}`, 'u'),
    // "The latter half of the " (23), the modifier, and "19" before "80s"
    reach: 23 + MODIFIER_LENGTH + 2,
    kind: 'absolute',
    read: (match, text) => {
      const [, digits, short, words] = match;
      if (isPossessiveYear(match, text)) return undefined;
      if (digits) return fixed(decade(Number(digits) * 10));
      if (short) return fixed(decade(1900 + Number(short) * 10));
      return fixed(decade(DECADE_WORDS[words ?? ''] ?? Number.NaN));
    },
  },
  {
    name: 'century',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:[Tt]he\\s)?${MODIFIER}?(\\d{1,2})(?:st|nd|rd|th)[\\s-][Cc]entury${NOT_BEFORE_LETTER}`,
        'gu',
      ),
    hint: /\d(?:st|nd|rd|th)[\s-][Cc]entury/u,
    // "The ", a MODIFIER and a first digit before the hint's
    reach: 4 + MODIFIER_LENGTH + 1,
    kind: 'absolute',
    read: ([, ordinal]) => fixed(century(Number(ordinal))),
  },
  {
    name: 'year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_QUANTITY_VERB}${MODIFIER}?(?:(?:[Ff]iscal|[Cc]alendar)(?:\\syear)?\\s|[Pp]ost-|[Pp]re-|[Mm]id-|${NOT_BEFORE_YEAR})${YEAR}(?!\\s?(?:%|-[a-z]|${COUNTED_NOUNS})|${GLUED_UNIT}|${GLUED_CAPITAL})${NOT_A_COUNT}${NOT_A_MEASURE}`,
        'gu',
      ),
    hint: /[12]\d{3}/u,
    // the modifier and "calendar year " (14) before the year
    reach: MODIFIER_LENGTH + 14,
    kind: 'absolute',
    // A number past 2199 written alone is a count or a code ("Calories 2400"), not a year news speaks of.
    read: ([, y]) => (Number(y) <= LAST_BARE_YEAR ? fixed(year(Number(y))) : undefined),
  },
  {
    name: 'spelled-year',
    pattern: () => new RegExp(`${NOT_AFTER_LETTER}(${SPELLED_CENTURY_YEAR})${NOT_BEFORE_LETTER}`, 'giu'),
    hint: /(?:nineteen|eighteen|twenty)\s/iu,
    reach: 0,
    kind: 'absolute',
    read: ([, words]) => {
      const value = spelledYear(words ?? '');
      return value >= 1800 && value <= 2099 ? fixed(year(value)) : undefined;
    },
  },
  {
    name: 'the-year-in-words',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}[Tt]he\\syear\\s(${SPELLED_YEAR}|two\\sthousand(?:\\s(?:and\\s)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)${NOT_BEFORE_LETTER}`,
        'gu',
      ),
    hint: /year\s/u,
    // "The " before "year "
    reach: 4,
    kind: 'absolute',
    read: ([, words]) => fixed(year(spelledYear(words ?? ''))),
  },
];
