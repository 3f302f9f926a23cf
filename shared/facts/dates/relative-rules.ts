/**
 * Dates placed by the article's date (the anchor): "Monday", "yesterday", "last week", "next month",
 * "earlier this year", "three days ago", "in May", "last November", "the third quarter", "last spring",
 * "Thanksgiving".
 */
import {
  addDays,
  day,
  easter,
  formatDay,
  half,
  month,
  monthFrom,
  nthWeekday,
  parseDay,
  quarter,
  quarterFrom,
  quarterOf,
  type Resolved,
  type Season,
  season,
  seasonIndex,
  seasonOf,
  week,
  weekend,
  year,
} from './calendar.ts';
import { isGenericSeason } from './generic-season.ts';
import type { Context, Resolver, Rule } from './rule.ts';
import type { Tense } from './tense.ts';
import {
  COUNT,
  countOf,
  isCapitalisedInSentence,
  MONTH_FULL,
  monthNumber,
  NOT_AFTER_LETTER,
  NOT_BEFORE_LETTER,
  ORDINALS,
  ordinalOf,
  QUARTER_HINT,
  QUARTER_ORDINAL,
  SEASON,
  SEASONS,
  WEEKDAY,
  weekdayNumber,
} from './vocabulary.ts';

const ORDINAL_WORD = `${Object.keys(ORDINALS).join('|')}|\\d{1,3}(?:st|nd|rd|th)`;

/** Without a cue, a month up to this many months ahead is this year's; further ahead, last year's. */
const MONTHS_AHEAD = 3;

type Which = 'last' | 'next' | 'this' | undefined;

/** A resolver that needs the anchor: no anchor, no value. */
const anchored =
  (resolve: (anchor: Date, context: Context) => Resolved | undefined): Resolver =>
  (context) =>
    context.anchor ? resolve(context.anchor, context) : undefined;

function whichOf(word: string | undefined): Which {
  const lower = word?.toLowerCase().replace(/\s+/gu, ' ');
  if (lower === 'last' || lower === 'this past' || lower === 'past' || lower === 'previous') return 'last';
  if (lower === 'next' || lower === 'this coming' || lower === 'coming') return 'next';
  if (lower === 'this' || lower === 'current') return 'this';
  return undefined;
}

/**
 * Named days that are not the weekday near the article's date: "Good Friday", "the Mail on Sunday", "the Sunday
 * Times"; and any weekday, not one: "every Friday", "each Sunday".
 */
const NOT_A_DAY_BEFORE =
  '(?<!(?:Good|Black|Cyber|Bloody|Easter|Holy|Ash|Palm|Super|Maundy|(?:Mail|Independent)\\son)\\s)(?<!(?<![\\p{L}])(?:[Ee]very|[Ee]ach)\\s)';
/** "a Tuesday" with no noun after it is any Tuesday ("falls on a Tuesday", "on a Sunday night, without"). */
const A_BEFORE = /(?<![\p{L}])[Aa]\s$/u;
/** The noun that "a Friday" describes ("during a Friday visit", "a Friday evening rally"): then it is one day. */
const NOUN_AFTER =
  /^(?:\s(?:night|morning|afternoon|evening))?\s(?!(?:night|morning|afternoon|evening|and|or|at|in|on|of|for|to|the|a|an|when|with|without|but|that|this|is|was|as)(?![\p{L}]))\p{Ll}{3,}/u;

function isAnyWeekday(text: string, start: number, end: number): boolean {
  return (
    A_BEFORE.test(text.slice(Math.max(0, start - 3), start)) && !NOUN_AFTER.test(text.slice(end, end + 30))
  );
}
/**
 * Weekdays of a timetable: "flights would leave on Monday and Tuesday nights from March 30", "airs Tuesday
 * evenings starting June 2": the nights of every such week from a day on, not one day.
 */
const SCHEDULE_AFTER = new RegExp(
  `^(?:(?:,\\s|,?\\s(?:and|or)\\s)(?:${WEEKDAY}))*\\s(?:nights|mornings|afternoons|evenings),?\\s(?:from|starting|beginning|as\\sof|effective|until|through|each|every)(?![\\p{L}])`,
  'u',
);

const NOT_A_DAY_AFTER =
  '(?!\\s(?:Times|Telegraph|Mirror|Post|Express|Herald|Mail|Night\\sFootball|Sport|People|Star|Independent|Tribune|Age|Review|School|Service|Mass|Prayers?)\\b)';
/** "Today in History", the name of a feature of events on this day of past years. */
const TODAY_IN_HISTORY = /^Today\sin\sHistory/u;
const DAY_OFFSETS: Readonly<Record<string, number>> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };
/**
 * "today's youth", "in today's world", "the people of tomorrow": the present or the future age, not a day
 * (news gold leaves them untagged); "today's vote", "today's editions", "the start of tomorrow's episode" are
 * the day.
 */
const GENERIC_AGE_AFTER =
  /^['’]s?\s(?:\p{L}+\s)?(?:world|youth|society|societies|generations?|children|kids|teenagers|students|families|parents|women|men|people|consumers|workers|computers|technology|technologies|economy|culture|standards|politics|age|era)(?![\p{L}])/iu;
/** "the people of" before a bare "tomorrow" or "today" (not a part of the day: "the end of today"). */
const GENERIC_AGE_BEFORE =
  /(?<![\p{L}])(?:the|a|an)\s(?!(?:start|end|beginning|middle|rest|close|morning|afternoon|evening|night|eve|hours?)\s)\p{L}+\sof\s$/iu;

function namesAnAge(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (GENERIC_AGE_AFTER.test(after)) return true;
  return !/^['’]/u.test(after) && GENERIC_AGE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/**
 * A weekday: the latest one on or before the anchor, or in a clause about the future the first one on or
 * after it; "last"/"next" exclude the anchor's own day. In a clause with no tense cue, the day after the
 * anchor is that day, not six days back: news names a day almost a week gone "last Tuesday", and a bare
 * "Tuesday" in Monday's paper is tomorrow ("meet separately Tuesday", "headed Tuesday to East Africa"). The
 * future of a past ("said he would leave Friday") is the nearer of the two.
 */
function weekdayNear(anchor: Date, weekday: number, which: Which, tense: Tense): Resolved | undefined {
  if (weekday < 0) return undefined;
  const today = anchor.getUTCDay();
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  const ahead =
    tense === 'future' || (tense === 'unknown' && forward === 1) || (tense === 'near' && forward < back);
  let offset = ahead ? forward : -back;
  if (which === 'last') offset = -(back === 0 ? 7 : back);
  if (which === 'next') offset = forward === 0 ? 7 : forward;
  return day(...(formatDay(addDays(anchor, offset)).split('-') as [string, string, string]));
}

/** This, last or next week, weekend, month, quarter or year. */
function period(anchor: Date, which: Which, unit: string): Resolved | undefined {
  const step = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  switch (unit) {
    case 'week':
      return week(addDays(anchor, 7 * step));
    case 'weekend':
      return weekend(weekendNear(anchor, step));
    case 'month':
      return monthFrom(anchor, step);
    case 'quarter':
      return quarterFrom(anchor, step);
    default:
      return year(anchor.getUTCFullYear() + step);
  }
}

/** The Saturday of the weekend before (step -1), around (0) or after (1) the anchor. */
function weekendNear(anchor: Date, step: number): Date {
  const today = anchor.getUTCDay();
  const inWeekend = today === 0 || today === 6;
  const lastSaturday = addDays(anchor, -((today + 1) % 7));
  if (step < 0) return inWeekend ? addDays(lastSaturday, -7) : lastSaturday;
  const nextSaturday = addDays(anchor, (6 - today + 7) % 7 || 7);
  if (step > 0) return nextSaturday;
  return inWeekend ? lastSaturday : nextSaturday;
}

/** "three days ago": the day, week, month or year that many units before the anchor. */
export function unitsFrom(anchor: Date, count: number, unit: string): Resolved | undefined {
  if (!Number.isFinite(count)) return undefined;
  switch (unit) {
    case 'day':
      return day(...(formatDay(addDays(anchor, count)).split('-') as [string, string, string]));
    case 'week':
      return week(addDays(anchor, 7 * count));
    case 'month':
      return monthFrom(anchor, count);
    case 'quarter':
      return quarterFrom(anchor, count);
    case 'decade':
      return year(anchor.getUTCFullYear() + 10 * count);
    default:
      return year(anchor.getUTCFullYear() + count);
  }
}

/**
 * A month without a year: "last"/"next" the one strictly before/after the anchor's month; "this" the
 * anchor's year; in a clause about the past, the latest one up to the anchor's month; about the future, the
 * next one; the future of a past ("said the dividend would be paid in January"), the nearest one; otherwise the
 * latest one, or one at most MONTHS_AHEAD ahead.
 */
function monthNear(anchor: Date, monthValue: number, which: Which, tense: Tense): Resolved | undefined {
  if (monthValue < 1) return undefined;
  const anchorYear = anchor.getUTCFullYear();
  const current = anchor.getUTCMonth() + 1;
  if (which === 'last') return month(monthValue < current ? anchorYear : anchorYear - 1, monthValue);
  if (which === 'next') return month(monthValue > current ? anchorYear : anchorYear + 1, monthValue);
  if (which === 'this') return month(anchorYear, monthValue);
  if (tense === 'future') return month(monthValue >= current ? anchorYear : anchorYear + 1, monthValue);
  if (tense === 'past') return month(monthValue <= current ? anchorYear : anchorYear - 1, monthValue);
  if (tense === 'near') {
    const offset = ((monthValue - current + 17) % 12) - 5;
    return monthFrom(anchor, offset);
  }
  const difference = monthValue - current;
  if (difference > MONTHS_AHEAD) return month(anchorYear - 1, monthValue);
  return month(difference < MONTHS_AHEAD - 12 ? anchorYear + 1 : anchorYear, monthValue);
}

/**
 * A quarter without a year: the anchor's year, unless the quarter lies two or more quarters ahead of the
 * anchor's (in January, "the fourth quarter" is last year's).
 */
function quarterNear(anchor: Date, quarterValue: number, which: Which): Resolved | undefined {
  const anchorYear = anchor.getUTCFullYear();
  const current = quarterOf(anchor);
  if (which === 'last') return quarter(quarterValue < current ? anchorYear : anchorYear - 1, quarterValue);
  if (which === 'next') return quarter(quarterValue > current ? anchorYear : anchorYear + 1, quarterValue);
  return quarter(quarterValue - current >= 2 ? anchorYear - 1 : anchorYear, quarterValue);
}

/** A season without a year: like months, "last"/"next" strictly before/after the anchor's season. */
function seasonNear(anchor: Date, code: Season, which: Which, tense: Tense): Resolved | undefined {
  const current = seasonOf(anchor);
  // Winter starts in December: January and February belong to the winter of the year before.
  const seasonYear =
    current === 'WI' && anchor.getUTCMonth() < 2 ? anchor.getUTCFullYear() - 1 : anchor.getUTCFullYear();
  const target = seasonIndex(code);
  const now = seasonIndex(current);
  // "this fall" in January is the coming one, of the calendar year ("runs through this fall"), unless the clause
  // is in the past ("I met her this summer"); "this winter" is the one under way.
  if (which === 'this')
    return season(code === 'WI' || tense === 'past' ? seasonYear : anchor.getUTCFullYear(), code);
  if (which === 'last' || (which === undefined && tense !== 'future'))
    return season(
      target < now || (which === undefined && target === now) ? seasonYear : seasonYear - 1,
      code,
    );
  return season(target > now || (which === undefined && target === now) ? seasonYear : seasonYear + 1, code);
}

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

const WHICH = '(?:[Ll]ast|[Nn]ext|[Tt]his(?:\\s(?:past|coming))?|[Pp]ast|[Cc]oming)';
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
const EARLIER = '(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id-?)\\s?(?:in\\s)?)';

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

export const RELATIVE_RULES: readonly Rule[] = [
  {
    name: 'weekday',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}${NOT_A_DAY_BEFORE}(?:(${WHICH})\\s)?(${WEEKDAY})${NOT_BEFORE_LETTER}${NOT_A_DAY_AFTER}`,
      'gu',
    ),
    hint: new RegExp(WEEKDAY, 'u'),
    // "this coming " before the day
    reach: 12,
    kind: 'relative',
    read: (match, text) => {
      const [written, which, name] = match;
      const end = match.index + written.length;
      if (which === undefined && isAnyWeekday(text, match.index, end)) return undefined;
      if (SCHEDULE_AFTER.test(text.slice(end, end + 80))) return undefined;
      return anchored((anchor, { tense }) => weekdayNear(anchor, weekdayNumber(name), whichOf(which), tense));
    },
  },
  {
    name: 'day-word',
    pattern:
      /(?<![\p{L}])(?:(?:[Ll]ate|[Ee]arly)\s)?([Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)(?![\p{L}])/gu,
    hint: /[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight/u,
    reach: 6,
    kind: 'relative',
    read: (match, text) =>
      namesAnAge(text, match.index, match.index + match[0].length) ||
      isCapitalisedInSentence(text, match.index) ||
      TODAY_IN_HISTORY.test(text.slice(match.index, match.index + 20))
        ? undefined
        : anchored((anchor) => unitsFrom(anchor, DAY_OFFSETS[(match[1] ?? '').toLowerCase()] ?? 0, 'day')),
  },
  {
    // "today is the eighth day of the operation", "it's the second day of the strike": the article's day
    name: 'nth-day-now',
    pattern: new RegExp(
      `(?<=(?<![\\p{L}])(?:[Tt]oday\\sis|[Ii]t\\sis|[Ii]t['’]s|[Tt]his\\sis|[Mm]arks)\\s)the\\s(?:${ORDINAL_WORD})\\s(?:(?:straight|consecutive|full)\\s)?day(?=\\sof\\s)`,
      'gu',
    ),
    hint: /\sday\sof\s/u,
    // "the seventeenth consecutive" before the space
    reach: 27,
    kind: 'relative',
    read: () => anchored((anchor) => unitsFrom(anchor, 0, 'day')),
  },
  {
    name: 'this-last-next-period',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(?:(?:[Tt]he\\s)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\\sof\\s)?${EARLIER}?(${WHICH})\\s(week|weekend|month|quarter|year)${NOT_BEFORE_LETTER}(?!['’]s?\\s(?:first|second|third|fourth|1st|2nd|3rd|4th)\\squarter)`,
      'gu',
    ),
    // The unit first, the word before it looked back for: a scan for "week", "month", … tries fewer places than
    // one for "last", "next", "this", …
    hint: new RegExp(`(?:week|month|quarter|year)(?<=${WHICH}\\s(?:week|month|quarter|year))`, 'u'),
    // "the beginning of " (17), "earlier in " (11) and "this coming " (12) before "week"
    reach: 40,
    kind: 'relative',
    read: ([, which, unit]) => anchored((anchor) => period(anchor, whichOf(which), unit ?? '')),
  },
  {
    name: 'year-end',
    pattern:
      /(?<![\p{L}])(?:(?:around|by|at|before|after|until|since)\s)?(?:year[\s-]end|year['’]s\send|the\send\sof\s(?:the|this)\syear)(?![\p{L}])/giu,
    hint: /year[\s-]end|year['’]s\send|end\sof\s(?:the|this)\syear/iu,
    // "before the " before "end of the year"
    reach: 11,
    kind: 'relative',
    // "since year-end" looks back to the last year's end, a point: December 31 of the year before
    read: ([written]) =>
      anchored((anchor) =>
        /^since/iu.test(written) ? day(anchor.getUTCFullYear() - 1, 12, 31) : year(anchor.getUTCFullYear()),
      ),
  },
  {
    name: 'the-weekend',
    pattern:
      /(?<=(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Tt]his|[Ll]ast|(?:[Aa]head\sof))\s)the\sweekend(?![\p{L}])/gu,
    hint: /the\sweekend/u,
    kind: 'relative',
    read: (match, text) => {
      // "ahead of the weekend" is the coming one; "over the weekend" the one just gone
      const ahead = /ahead\sof\s$/iu.test(text.slice(Math.max(0, match.index - 9), match.index));
      return anchored((anchor) => period(anchor, ahead ? 'next' : 'last', 'weekend'));
    },
  },
  {
    name: 'ago',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(?:(?:about|almost|nearly|some|roughly|more\\sthan|less\\sthan|over|just|only)\\s)?(${COUNT})\\s(day|week|month|quarter|year|decade)s?\\s(?:or\\sso\\s)?(ago|from\\snow|hence)${NOT_BEFORE_LETTER}`,
      'giu',
    ),
    // "ago", "now", "hence" first, the unit before them looked back for: a scan for a space tries every word
    hint: /(?:ago|now|hence)(?<=\s(?:day|week|month|quarter|year|decade)s?\s(?:or\sso\s)?(?:ago|from\snow|hence))/iu,
    // "more than " (10), "seventy-seven" (13), " quarters " (10), "or so " (6) and "from " (5) before "now"
    reach: 44,
    kind: 'relative',
    read: ([, count, unit, direction]) =>
      anchored((anchor) =>
        unitsFrom(
          anchor,
          countOf(count) * (direction?.toLowerCase() === 'ago' ? -1 : 1),
          (unit ?? '').toLowerCase(),
        ),
      ),
  },
  {
    name: 'month-with-determiner',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}${EARLIER}?(${WHICH})\\s(${MONTH_FULL})${NOT_BEFORE_LETTER}`,
      'gu',
    ),
    hint: new RegExp(`(?:${WHICH})\\s(?:${MONTH_FULL})`, 'u'),
    // "earlier in " before "last"
    reach: 11,
    kind: 'relative',
    read: ([, which, name]) =>
      anchored((anchor, { tense }) => monthNear(anchor, monthNumber(name), whichOf(which), tense)),
  },
  {
    name: 'month-this-year',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(${MONTH_FULL})\\s(?:of\\s)?(${WHICH})\\syear${NOT_BEFORE_LETTER}`,
      'gu',
    ),
    hint: new RegExp(`(?:${MONTH_FULL})\\s`, 'u'),
    reach: 0,
    kind: 'relative',
    read: ([, name, which]) =>
      anchored((anchor) => {
        const target = period(anchor, whichOf(which), 'year');
        return target && month(Number(target.value), monthNumber(name));
      }),
  },
  {
    name: 'month-after-preposition',
    pattern: new RegExp(
      `(?<=(?<![\\p{L}])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f|[Tt]o|[Aa]nd|[Ee]nd|[Bb]etween|[Ff]or|[Tt]he)\\s)(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\\s-])?(${MONTH_FULL})${NOT_BEFORE_LETTER}|${NOT_AFTER_LETTER}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\\s-]|[Mm]id)(${MONTH_FULL})${NOT_BEFORE_LETTER}|${NOT_AFTER_LETTER}(${MONTH_FULL})(?=\\s?(?:[-–—]|to|through|until)\\s?(?:${MONTH_FULL})${NOT_BEFORE_LETTER})|(?<![\\p{L}]\\s?)(?:[Tt]he\\s)?(?:[Bb]eginning|[Ee]nd|[Mm]iddle|[Ss]tart)\\sof\\s(${MONTH_FULL})${NOT_BEFORE_LETTER}`,
      'gu',
    ),
    hint: new RegExp(MONTH_FULL, 'u'),
    // "the beginning of " before the month
    reach: 17,
    kind: 'relative',
    read: ([, name, name2, name3]) =>
      anchored((anchor, { tense }) =>
        monthNear(anchor, monthNumber(name ?? name2 ?? name3), undefined, tense),
      ),
  },
  {
    name: 'quarter',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(?:(?:the|a|an|its|their|this|that)\\s(?:(?:flat|weak|strong|fiscal|calendar|latest)[\\s-])?|(${WHICH})\\syear['’]s\\s|fiscal[\\s-])?(${QUARTER_ORDINAL})[\\s-]quarter${NOT_BEFORE_LETTER}`,
      'giu',
    ),
    hint: QUARTER_HINT,
    kind: 'relative',
    read: ([, which, ordinal]) =>
      anchored((anchor) => {
        const value = ordinalOf(ordinal);
        if (which === undefined) return quarterNear(anchor, value, undefined);
        const target = period(anchor, whichOf(which), 'year');
        return target && quarter(Number(target.value), value);
      }),
  },
  {
    // "the third quarter of last year", "the first half of next year": one period, in the year the words name
    name: 'period-of-which-year',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(?:the\\s)?(?:(${QUARTER_ORDINAL})[\\s-]quarter|(first|second|last|latter)\\shalf)\\sof\\s(?:the\\s)?(${WHICH})\\s(?:fiscal\\s)?year${NOT_BEFORE_LETTER}`,
      'giu',
    ),
    hint: /(?:quarter|half)\sof\s/iu,
    // "the latter " before "half"
    reach: 11,
    kind: 'relative',
    read: ([, ordinal, halfWord, which]) =>
      anchored((anchor) => {
        const target = period(anchor, whichOf(which), 'year');
        if (!target) return undefined;
        if (ordinal) return quarter(Number(target.value), ordinalOf(ordinal));
        return half(Number(target.value), halfWord?.toLowerCase() === 'first' ? 1 : 2);
      }),
  },
  {
    name: 'season',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(?:(${WHICH})\\s(${SEASON})|(?:the\\s(?:(?:early|late)\\s)?|(?<=(?:in|during|by|until|since|through)\\s)(?:(?:early|late|mid)[\\s-])?)(${SEASON})(?!\\s(?:of|in)\\b))${NOT_BEFORE_LETTER}`,
      'giu',
    ),
    hint: new RegExp(SEASON, 'iu'),
    // "this coming " before the season
    reach: 12,
    kind: 'relative',
    read: (match, text) => {
      const [written, which, name, bare] = match;
      const word = name ?? bare ?? '';
      const code = SEASONS[word.toLowerCase()];
      // a capitalised season inside a sentence names something: "the Winter Carnival", "the Arab Spring"
      if (!code || isCapitalisedInSentence(text, match.index + written.length - word.length))
        return undefined;
      // "the winter months", "typically in the spring": every year's season, so no value
      if (which === undefined && isGenericSeason(text, match.index, match.index + written.length))
        return () => undefined;
      return anchored((anchor, { tense }) => seasonNear(anchor, code, whichOf(which), tense));
    },
  },
  {
    // "Easter week", "Holy Week": the week that ends on Easter Sunday
    name: 'holiday-week',
    pattern: new RegExp(
      `${NOT_AFTER_LETTER}(?:(${WHICH})\\s)?(?:Easter|Holy)\\s[Ww]eek${NOT_BEFORE_LETTER}`,
      'gu',
    ),
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
      get pattern() {
        return holidayPattern(names);
      },
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
