/**
 * Dates placed by the article's date (the anchor): "Monday", "yesterday", "last week", "next month",
 * "earlier this year", "three days ago", "in May", "last November", "the third quarter", "last spring",
 * "Thanksgiving".
 */
import { day, half, month, quarter, year } from './calendar.ts';
import { sayingTime } from './future-of-past.ts';
import { isGenericSeason } from './generic-season.ts';
import { HOLIDAY_RULES } from './holiday-rules.ts';
import {
  anchored,
  lastMonthNamed,
  monthNear,
  period,
  quarterNear,
  seasonNear,
  unitsFrom,
  WHICH,
  weekdayNear,
  whichOf,
} from './relative-values.ts';
import type { Rule } from './rule.ts';
import {
  COUNT,
  countOf,
  isCapitalisedInSentence,
  MONTH_FULL,
  monthNumber,
  NOT_AFTER_LETTER,
  NOT_BEFORE_LETTER,
  NOT_HALF,
  ORDINALS,
  ordinalOf,
  QUARTER_HINT,
  QUARTER_ORDINAL,
  SEASON,
  SEASONS,
  WEEKDAY,
  weekdayNumber,
} from './vocabulary.ts';
import { isWeekdayInName } from './weekday-name.ts';

const ORDINAL_WORD = `${Object.keys(ORDINALS).join('|')}|\\d{1,3}(?:st|nd|rd|th)`;

/**
 * Named days that are not the weekday near the article's date: "Good Friday", "the Mail on Sunday", "the Sunday
 * Times"; and any weekday, not one (a TIMEX3 SET): "every Friday", "each Sunday", "every other Sunday", and the
 * days listed after it, "every Monday and Friday".
 */
const NOT_A_DAY_BEFORE =
  '(?<!(?:Good|Black|Cyber|Bloody|Easter|Holy|Ash|Palm|Super|Maundy|(?:Mail|Independent)\\son)\\s)' +
  `(?<!(?<![\\p{L}])(?:[Ee]very|[Ee]ach)\\s(?:(?:other|second|third|fourth|alternate)\\s)?(?:(?:${WEEKDAY})(?:,\\s|,?\\s(?:and|or)\\s))*)`;
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

const EARLIER = '(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id-?)\\s?(?:in\\s)?)';

export const RELATIVE_RULES: readonly Rule[] = [
  {
    name: 'weekday',
    pattern: () =>
      new RegExp(
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
      // "Her newest book Saturday Millionaires", "Saturday Night Live": a title or a name, no day
      if (which === undefined && isWeekdayInName(text, match.index, end)) return undefined;
      if (SCHEDULE_AFTER.test(text.slice(end, end + 80))) return undefined;
      return anchored((anchor, { tense }) => weekdayNear(anchor, weekdayNumber(name), whichOf(which), tense));
    },
  },
  {
    name: 'day-word',
    pattern: () =>
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
    pattern: () =>
      new RegExp(
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
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:(?:[Tt]he\\s)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\\sof\\s)?${EARLIER}?(${WHICH})\\s(week|weekend|month|quarter|year)${NOT_BEFORE_LETTER}(?!-(?!end${NOT_BEFORE_LETTER})\\p{L})(?!['’]s?\\s(?:first|second|third|fourth|1st|2nd|3rd|4th)\\squarter)`,
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
    pattern: () =>
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
    pattern: () =>
      /(?<=(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n|[Tt]his|[Ll]ast|(?:[Aa]head\sof))\s)the\sweekend(?![\p{L}])/gu,
    hint: /the\sweekend/u,
    kind: 'relative',
    read: (match, text) => {
      // "ahead of the weekend" is the coming one; "over the weekend" the one just gone, unless the clause looks
      // ahead ("talks will continue over the weekend": the coming one, or the one under way)
      const ahead = /ahead\sof\s$/iu.test(text.slice(Math.max(0, match.index - 9), match.index));
      return anchored((anchor, { tense }) =>
        period(anchor, ahead ? 'next' : tense === 'future' ? 'this' : 'last', 'weekend'),
      );
    },
  },
  {
    name: 'ago',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}${NOT_HALF}(?:(?:about|almost|nearly|some|roughly|more\\sthan|less\\sthan|over|just|only)\\s)?(${COUNT})\\s(day|week|month|quarter|year|decade)s?\\s(?:or\\sso\\s)?(ago|from\\snow|hence)${NOT_BEFORE_LETTER}`,
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
    pattern: () =>
      new RegExp(`${NOT_AFTER_LETTER}${EARLIER}?(${WHICH})\\s(${MONTH_FULL})${NOT_BEFORE_LETTER}`, 'gu'),
    hint: new RegExp(`(?:${WHICH})\\s(?:${MONTH_FULL})`, 'u'),
    // "earlier in " before "last"
    reach: 11,
    kind: 'relative',
    read: ([, which, name]) =>
      anchored((anchor, { tense }) =>
        /^last$/iu.test(which ?? '')
          ? lastMonthNamed(anchor, monthNumber(name))
          : monthNear(anchor, monthNumber(name), whichOf(which), tense),
      ),
  },
  {
    // "in early October this year": one month, not "early October" and "this year"
    name: 'month-this-year',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)\\s?)?(${MONTH_FULL})\\s(?:of\\s)?(${WHICH})\\syear${NOT_BEFORE_LETTER}`,
        'gu',
      ),
    hint: new RegExp(`(?:${MONTH_FULL})\\s`, 'u'),
    // "Early " before the month
    reach: 6,
    kind: 'relative',
    read: ([, name, which]) =>
      anchored((anchor) => {
        const target = period(anchor, whichOf(which), 'year');
        return target && month(Number(target.value), monthNumber(name));
      }),
  },
  {
    name: 'month-after-preposition',
    pattern: () =>
      new RegExp(
        `(?<=(?<![\\p{L}])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]f|[Tt]o|[Aa]nd|[Ee]nd|[Bb]etween|[Ff]or|[Tt]he)\\s)(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\\s-])?(${MONTH_FULL})${NOT_BEFORE_LETTER}|${NOT_AFTER_LETTER}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[\\s-]|[Mm]id)(${MONTH_FULL})${NOT_BEFORE_LETTER}|${NOT_AFTER_LETTER}(${MONTH_FULL})(?=\\s?(?:[-–—]|to|through|until)\\s?(?:${MONTH_FULL})${NOT_BEFORE_LETTER})|(?<![\\p{L}]\\s?)(?:[Tt]he\\s)?(?:[Bb]eginning|[Ee]nd|[Mm]iddle|[Ss]tart)\\sof\\s(${MONTH_FULL})${NOT_BEFORE_LETTER}`,
        'gu',
      ),
    hint: new RegExp(MONTH_FULL, 'u'),
    // "the beginning of " before the month
    reach: 17,
    kind: 'relative',
    read: ([, name, name2, name3]) =>
      anchored((anchor, { tense, referenceInSight }) => {
        const value = monthNumber(name ?? name2 ?? name3);
        // "said the pool would reopen in May": the first May from the saying on (see future-of-past.ts)
        const saying = tense === 'near' ? sayingTime(anchor, referenceInSight) : undefined;
        return saying
          ? monthNear(saying, value, undefined, 'future')
          : monthNear(anchor, value, undefined, tense);
      }),
  },
  {
    name: 'quarter',
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}(?:(?:the|a|an|its|their|this|that)\\s(?:(?:flat|weak|strong|fiscal|calendar|latest)[\\s-])?|(${WHICH})\\syear['’]s\\s|fiscal[\\s-])?(${QUARTER_ORDINAL})[\\s-]quarter${NOT_BEFORE_LETTER}`,
        'giu',
      ),
    hint: QUARTER_HINT,
    kind: 'relative',
    read: ([written, which, ordinal]) =>
      anchored((anchor, { tense }) => {
        const value = ordinalOf(ordinal);
        // a fiscal quarter has its own calendar: only the nearest reading ("expects to report results for the
        // fiscal first quarter" in October is the one just ended)
        const fiscal = /fiscal/iu.test(written ?? '');
        if (which === undefined) return quarterNear(anchor, value, undefined, fiscal ? 'unknown' : tense);
        const target = period(anchor, whichOf(which), 'year');
        return target && quarter(Number(target.value), value);
      }),
  },
  {
    // "the third quarter of last year", "the first half of next year": one period, in the year the words name
    name: 'period-of-which-year',
    pattern: () =>
      new RegExp(
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
    pattern: () =>
      new RegExp(
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
  ...HOLIDAY_RULES,
];
