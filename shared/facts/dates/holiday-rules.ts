/**
 * Holidays placed by the article's date (the anchor): "Thanksgiving", "last Christmas", "Easter week".
 */
import { addDays, day, easter, formatDay, nthWeekday, parseDay, type Resolved, week } from './calendar.ts';
import { anchored, WHICH, type Which, whichOf } from './relative-values.ts';
import type { Rule } from './rule.ts';
import type { Tense } from './tense.ts';
import { NOT_AFTER_LETTER, NOT_BEFORE_LETTER } from './vocabulary.ts';

/** Fixed and movable holidays, as a function of the year. */
const HOLIDAYS: ReadonlyArray<readonly [string, (y: number) => Date]> = [
  ["New\\sYear['’]s\\sDay", (y) => new Date(Date.UTC(y, 0, 1))],
  ["New\\sYear['’]s\\sEve", (y) => new Date(Date.UTC(y, 11, 31))],
  ['Christmas\\sEve', (y) => new Date(Date.UTC(y, 11, 24))],
  ['Christmas(?:\\sDay)?', (y) => new Date(Date.UTC(y, 11, 25))],
  ['Boxing\\sDay', (y) => new Date(Date.UTC(y, 11, 26))],
  ['Thanksgiving(?:\\sDay)?', (y) => nthWeekday(y, 11, 4, 4)],
  ['Election\\sDay', (y) => addDays(nthWeekday(y, 11, 1, 1), 1)],
  ['Independence\\sDay|the\\sFourth\\sof\\sJuly|July\\sFourth', (y) => new Date(Date.UTC(y, 6, 4))],
  ['Labou?r\\sDay', (y) => nthWeekday(y, 9, 1, 1)],
  ['Memorial\\sDay', (y) => nthWeekday(y, 5, 1, -1)],
  ['Veterans\\sDay|Armistice\\sDay', (y) => new Date(Date.UTC(y, 10, 11))],
  ['Halloween', (y) => new Date(Date.UTC(y, 9, 31))],
  ["Valentine['’]s\\sDay", (y) => new Date(Date.UTC(y, 1, 14))],
  ['Easter(?:\\sSunday)?', easter],
  ['Good\\sFriday', (y) => addDays(easter(y), -2)],
  ['Easter\\sMonday', (y) => addDays(easter(y), 1)],
  ['Martin\\sLuther\\sKing(?:\\sJr\\.?)?\\sDay', (y) => nthWeekday(y, 1, 1, 3)],
  ["Presidents['’]?\\sDay", (y) => nthWeekday(y, 2, 1, 3)],
  ["Mother['’]s\\sDay", (y) => nthWeekday(y, 5, 0, 2)],
  ["Father['’]s\\sDay", (y) => nthWeekday(y, 6, 0, 3)],
];

/**
 * Things named after a holiday, not the day: "Christmas trees from Oregon", "Easter eggs", "Halloween costumes",
 * and events held before it ("the Christmas party", "Christmas shopping"); names and titles that go on in capitals
 * or with a hyphen ("Easter Island", "Macy's Thanksgiving Day Parade", "The Christmas Cottage", "the Spirit of
 * Christmas Past", "Halloween-themed").
 */
const NOT_A_HOLIDAY_AFTER =
  '(?![ \\t]\\p{Lu}\\p{Ll}|-\\p{L})(?!\\s(?:[Pp]arty|[Pp]arties|[Mm]arkets?|[Ff]airs?|[Cc]oncerts?|shopping|trees?|cards?|lights|decorations|ornaments|carols?|songs?|music|albums?|presents|gifts|pudding|crackers?|jumpers?|sweaters?|stockings?|wreaths?|eggs?|bunny|costumes?|candy|movies?|films?|specials?|episodes?)(?![\\p{L}]))';

/** "every Christmas", "each Easter": the holiday of any year, not one day. */
const ANY_YEAR = '(?<!(?<![\\p{L}])(?:[Ee]very|[Ee]ach)\\s)';
/** Without a cue, a holiday up to this many days ahead is the coming one (about MONTHS_AHEAD months). */
const HOLIDAY_DAYS_AHEAD = 92;

function holidayNear(
  anchor: Date,
  date: (y: number) => Date,
  which: Which,
  tense: Tense,
): Resolved | undefined {
  const anchorYear = anchor.getUTCFullYear();
  const today = formatDay(anchor);
  const options = [anchorYear - 1, anchorYear, anchorYear + 1].map((y) => formatDay(date(y)));
  let value: string | undefined;
  // With no cue, a holiday a few weeks ahead is the coming one, as for a month ("as Easter week began").
  const soon = formatDay(addDays(anchor, HOLIDAY_DAYS_AHEAD));
  const coming = options.find((option) => option >= today);
  if (which === 'this') value = formatDay(date(anchorYear));
  else if (
    which === undefined &&
    (tense === 'unknown' || tense === 'near') &&
    coming !== undefined &&
    coming <= soon
  )
    value = coming;
  else if (which === 'last' || (which === undefined && tense !== 'future'))
    value = options.findLast((option) => (which === 'last' ? option < today : option <= today));
  else value = options.find((option) => (which === 'next' ? option > today : option >= today));
  return value === undefined ? undefined : day(...(value.split('-') as [string, string, string]));
}

/**
 * "the Fourth of July" is found by its "Fourth" (HOLIDAY_HINT): every other name opens on a capital, and one
 * lower-case "t" would have the hint's scan try most of the text's words.
 */
const THE_FOURTH = 'the\\sFourth';
/**
 * Every holiday's names: the one hint of all the holiday rules, so a text that names none (most) is scanned for
 * them once, not once per holiday (see findCandidates).
 */
const HOLIDAY_HINT = new RegExp(
  HOLIDAYS.map(([names]) => names.replace(THE_FOURTH, 'Fourth')).join('|'),
  'u',
);

/**
 * A capitalised word before a holiday that is no part of a name: a sentence's first word, a preposition, a
 * determiner ("Before Christmas, …", "Last Christmas").
 */
const NOT_A_NAME_BEFORE =
  /(?:^|[.!?]["'’”]?\s+|\n\s*)\p{Lu}\p{Ll}*\s$|(?:^|\s)(?:On|By|Before|After|Since|Until|Till|At|For|In|From|Over|During|Around|Through|This|Last|Next|Past|Coming|Every|Each)\s$/u;
/** The word before a holiday, with what precedes it: "… "White Christmas" … ". */
const CAPITALISED_WORD_BEFORE = /\p{Lu}\p{Ll}+[ \t]$/u;

/**
 * A holiday inside a title or a name, after a capitalised word that opens no sentence: a song ("White Christmas"),
 * an event named after the day ("Barack Obama Election Day"), another calendar's holiday ("Orthodox Christmas",
 * "Canadian Thanksgiving", not the day the table gives). Not with "last", "this" or "next" before the holiday:
 * "found in the Atlantic last Thanksgiving".
 */
function inTitle(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return CAPITALISED_WORD_BEFORE.test(before) && !NOT_A_NAME_BEFORE.test(before);
}

const whichWord = (match: RegExpExecArray): string | undefined => match[1];

const holidayPatterns = new Map<string, RegExp>();

/**
 * The pattern of the holiday called `names`, built the first time a rule asks for it: that is, once a text names
 * a holiday (HOLIDAY_HINT), which few do. Built at import, the twenty patterns of Unicode classes cost ~10 ms of
 * CPU of every cold start.
 */
function holidayPattern(names: string): RegExp {
  let pattern = holidayPatterns.get(names);
  if (pattern === undefined) {
    pattern = new RegExp(
      `${NOT_AFTER_LETTER}${ANY_YEAR}(?:(${WHICH})\\s)?(?:${names})${NOT_BEFORE_LETTER}${NOT_A_HOLIDAY_AFTER}`,
      'gu',
    );
    holidayPatterns.set(names, pattern);
  }
  return pattern;
}

/** "Easter week", and each holiday of HOLIDAYS. */
export const HOLIDAY_RULES: readonly Rule[] = [
  {
    // "Easter week", "Holy Week": the week that ends on Easter Sunday
    name: 'holiday-week',
    pattern: () =>
      new RegExp(`${NOT_AFTER_LETTER}(?:(${WHICH})\\s)?(?:Easter|Holy)\\s[Ww]eek${NOT_BEFORE_LETTER}`, 'gu'),
    hint: /(?:Easter|Holy)\s[Ww]eek/u,
    // "this coming " before "Easter week"
    reach: 12,
    kind: 'relative',
    read: ([, which]) =>
      anchored((anchor, { tense }) => {
        const sunday = holidayNear(anchor, easter, whichOf(which), tense);
        const date = sunday && parseDay(sunday.value);
        return date && week(date);
      }),
  },
  ...HOLIDAYS.map(
    ([names, date]): Rule => ({
      name: 'holiday',
      pattern: () => holidayPattern(names),
      hint: HOLIDAY_HINT,
      // "this coming " before the holiday, and "the " before "Fourth of July"
      reach: names.includes(THE_FOURTH) ? 16 : 12,
      kind: 'relative',
      read: (match, text) =>
        whichWord(match) === undefined && inTitle(text, match.index)
          ? undefined
          : anchored((anchor, { tense }) => holidayNear(anchor, date, whichOf(whichWord(match)), tense)),
    }),
  ),
];
