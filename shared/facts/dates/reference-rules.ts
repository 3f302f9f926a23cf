/**
 * Dates that point at the present, past or future as a whole ("now", "currently", "recently", "the future", "the
 * near term": TIMEX3's PRESENT_REF, PAST_REF and FUTURE_REF), and dates placed by the date mentioned before
 * them: "a year earlier" and "the year-ago quarter" (the same period a year before), "the quarter", "that
 * year", "the following month", "two years later".
 */
import {
  addDays,
  day,
  monthFrom,
  parseDay,
  quarter,
  quarterFrom,
  quarterOf,
  type Resolved,
  season,
  shiftYears,
  week,
  year,
  yearOf,
} from './calendar.ts';
import { isSpokenInSight } from './future-of-past.ts';
import type { Context, Resolver, Rule } from './rule.ts';
import { isStepNow } from './step-now.ts';
import { isInSight, isOverTheYear, isSaidByClause } from './the-year.ts';
import {
  COUNT,
  countOf,
  isCapitalisedInSentence,
  MONTH,
  monthNumber,
  NOT_AFTER_LETTER,
  NOT_BEFORE_LETTER,
  NOT_HALF,
  SEASON,
  SEASONS,
  WEEKDAY,
  weekdayNumber,
} from './vocabulary.ts';

/** A verb after "that summer" makes "that" the conjunction: "a reminder that summer has arrived". */
const AUXILIARY = 'is|was|has|had|will|would|can|could|may|might|must|should|are|were|does|did|seems|means';

const present: Resolved = { value: 'PRESENT_REF', granularity: 'reference' };
const past: Resolved = { value: 'PAST_REF', granularity: 'reference' };
const future: Resolved = { value: 'FUTURE_REF', granularity: 'reference' };

const constant =
  (resolved: Resolved): Resolver =>
  () =>
    resolved;

/** The last full quarter before the anchor: the one a report published on the anchor covers. */
function latestQuarter({ anchor }: Context): Resolved | undefined {
  return anchor ? quarterFrom(anchor, -1) : undefined;
}

/** The quarter mentioned last, else the last full quarter before the anchor. */
function quarterInFocus(context: Context): Resolved | undefined {
  return context.lastQuarter ?? latestQuarter(context);
}

/** The period in focus for "the 1988 period": a period of months written since the last quarter, else that quarter. */
function periodInFocus(context: Context): Resolved | undefined {
  return context.monthsPeriod ?? quarterInFocus(context);
}

/**
 * "a year earlier", "year-ago": in an article that has spoken of a quarter, that quarter a year before
 * (earnings reports compare a quarter with the same quarter of the year before); after a longer period ("for
 * the nine months"), the year before its year; otherwise the year before the anchor.
 */
const yearBefore: Resolver = (context) => {
  if (context.monthsPeriod) return shiftYears(context.monthsPeriod, -1);
  if (context.lastQuarter) return shiftYears(context.lastQuarter, -1);
  return context.anchor ? year(context.anchor.getUTCFullYear() - 1) : undefined;
};

/** "the quarter ended Sept. 30": the quarter most of whose months end by that day. */
const QUARTER_ENDED = new RegExp(`^\\s(?:ended|ending)\\s(${MONTH})\\s(\\d{1,2})(?!\\d)`, 'u');

function quarterEnded(anchor: Date, monthValue: number, dayValue: number): Resolved | undefined {
  const ending = day(anchor.getUTCFullYear(), monthValue, dayValue);
  const end = ending && parseDay(ending.value);
  if (!end) return undefined;
  const past =
    end > anchor ? new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate())) : end;
  const middle = addDays(past, -45);
  return quarter(middle.getUTCFullYear(), quarterOf(middle));
}

/**
 * The day, week or month `steps` units from a date of that precision or finer ("the following month" after
 * "March 1989"); undefined when the date is coarser ("the next day" after "1989").
 */
function shiftFrom(reference: Resolved, unit: 'day' | 'week' | 'month', steps: number): Resolved | undefined {
  const start = startOf(reference);
  if (!start) return undefined;
  if (unit === 'day') return reference.granularity === 'day' ? dayOf(addDays(start, steps)) : undefined;
  if (unit === 'week')
    return ['day', 'week'].includes(reference.granularity) ? week(addDays(start, 7 * steps)) : undefined;
  return ['day', 'week', 'month'].includes(reference.granularity) ? monthFrom(start, steps) : undefined;
}

/** The first day of a day, week or month value. */
function startOf(resolved: Resolved): Date | undefined {
  const value = resolved.value;
  if (resolved.granularity === 'day') return parseDay(value);
  if (resolved.granularity === 'month') return parseDay(`${value}-01`);
  const weekMatch = /^(\d{4})-W(\d{2})(?:-WE)?$/u.exec(value);
  if (resolved.granularity !== 'week' || !weekMatch) return undefined;
  const january4 = new Date(Date.UTC(Number(weekMatch[1]), 0, 4));
  return addDays(january4, 7 * (Number(weekMatch[2]) - 1) - ((january4.getUTCDay() + 6) % 7));
}

function dayOf(date: Date): Resolved | undefined {
  return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** "ahead" after "the year": "in the year ahead". */
const AHEAD_AFTER = /^\sahead(?![\p{L}])/u;

/** "the year" alone (and "by the year's end"), not "the current year", "the past year". */
const isBareYear = (written: string) => /^the\syear$/u.test(written);

/** The year of the date mentioned last, else the anchor's. */
function yearInFocus({ reference, anchor }: Context): number | undefined {
  return yearOf(reference) ?? anchor?.getUTCFullYear();
}

/**
 * "two years later", "ten months later", "a week earlier": that many units from the date mentioned last. With no
 * date before it, or one coarser than the unit ("In 1999 … five months later"), it has no value: "later" counts
 * from the story's time, not from the article's date.
 */
function unitsFromReference(count: number, unit: string): Resolver {
  return (context) => {
    const { reference } = context;
    if (reference === undefined) return undefined;
    let shifted: Resolved | undefined;
    if (unit === 'year') {
      const baseYear = yearOf(reference);
      shifted = baseYear === undefined ? undefined : year(baseYear + count);
    } else if (unit === 'day' || unit === 'week' || unit === 'month')
      shifted = shiftFrom(reference, unit, count);
    return shifted && isPastTheArticle(shifted, reference, context) ? undefined : shifted;
  };
}

/**
 * Whether a date counted forward from the story's time ("30 years later") lies after the article's date although the
 * story was there or before it and the clause does not look ahead: "the views of today, almost 30 years later" (after
 * "today"), "three months later, the users said" (after "this week"), "Cut to four years later, and I'll be in Italy"
 * (a what-if). Then "later" does not count from that date, and the span keeps no value.
 */
function isPastTheArticle(shifted: Resolved, reference: Resolved, { anchor, tense }: Context): boolean {
  if (anchor === undefined) return false;
  const from = firstDayOf(reference);
  const to = firstDayOf(shifted);
  return from !== undefined && to !== undefined && from <= anchor && to > anchor && tense !== 'future';
}

/** The first day of a day, week, month or year value. */
function firstDayOf(resolved: Resolved): Date | undefined {
  return resolved.granularity === 'year' ? parseDay(`${resolved.value}-01-01`) : startOf(resolved);
}

/**
 * "the previous Friday", "the following Monday": that weekday before or after the day spoken of last (the story's
 * day), not the one before the article's date; with no day before it, no value.
 */
function weekdayFromReference(weekday: number, step: 1 | -1): Resolver {
  return ({ reference }) => {
    const from = reference?.granularity === 'day' ? parseDay(reference.value) : undefined;
    if (!from || weekday < 0) return undefined;
    const days =
      step > 0 ? (weekday - from.getUTCDay() + 7) % 7 || 7 : -((from.getUTCDay() - weekday + 7) % 7 || 7);
    return dayOf(addDays(from, days));
  };
}

/** "now and then", "now and again": from time to time (a frequency, no date), unless "between now and then". */
const AND_THEN_AFTER = /^\sand\s(?:then|again)(?![\p{L}])/u;
const BETWEEN_BEFORE = /(?<![\p{L}])(?:[Bb]etween|[Ff]rom)\s$/u;

function isNowAndThen(text: string, start: number, end: number): boolean {
  return (
    AND_THEN_AFTER.test(text.slice(end, end + 12)) &&
    !BETWEEN_BEFORE.test(text.slice(Math.max(0, start - 8), start))
  );
}

/**
 * "In the current study, participants …", "the current paper argues": the study or paper that the reader is reading,
 * as "this study" is, not a time ("his current study leave" is one: no "the" or "this" before it).
 */
const WRITING_AFTER = /^\s(?:study|paper|article|analysis|chapter|section|experiment)(?![\p{L}])/u;
const DETERMINER_BEFORE = /(?<![\p{L}])(?:[Tt]he|[Tt]his)\s$/u;

function isTheWritingItself(text: string, start: number, end: number): boolean {
  return (
    DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 5), start)) &&
    WRITING_AFTER.test(text.slice(end, end + 40))
  );
}

/** The hint of the rules for "the quarter" and "the period", one object so that a text without either is scanned once. */
const QUARTER_OR_PERIOD = /quarter|period/iu;

export const REFERENCE_RULES: readonly Rule[] = [
  {
    name: 'present',
    pattern: () =>
      /(?<![\p{L}'’-])(?:(?:[Rr]ight\s|[Jj]ust\s|[Ee]ven\s|[Uu]ntil\s|[Bb]y\s)?[Nn]ow|[Cc]urrently|[Nn]owadays|[Tt]hese\sdays|[Aa]t\spresent|[Aa]t\sthe\s(?:moment|present\stime))(?![\p{L}'’-])/gu,
    hint: /[Nn]ow|[Cc]urrently|[Tt]hese\sdays|[Aa]t\s(?:present|the\s)/u,
    // "until " before "now"
    reach: 6,
    kind: 'relative',
    // "told Now magazine", "Buy Now": a name or a title, not the present; "every now and then": how often; "Now add
    // the flour": the next step (step-now.ts)
    read: (match, text) =>
      (/Now$/u.test(match[0]) && isCapitalisedInSentence(text, match.index)) ||
      (/^[Nn]ow$/u.test(match[0]) && isNowAndThen(text, match.index, match.index + 3)) ||
      (match[0] === 'Now' && isStepNow(text, match.index + 3))
        ? undefined
        : constant(present),
  },
  {
    name: 'current',
    pattern: () =>
      /(?<![\p{L}'’-])(?:[Tt]hen\s)?[Cc]urrent(?![\p{L}'’-])(?!\s(?:account|accounts|affairs|events|assets|liabilities|prices|dollars|density|flows?|through)\b)/gu,
    hint: /[Cc]urrent/u,
    // "then " before "current"
    reach: 5,
    kind: 'relative',
    // "the journal Current Biology": a name, not the present; "In the current study": the text itself
    read: (match, text) =>
      (/^Current/u.test(match[0]) && isCapitalisedInSentence(text, match.index)) ||
      isTheWritingItself(text, match.index, match.index + match[0].length)
        ? undefined
        : constant(/^then/iu.test(match[0]) ? past : present),
  },
  {
    name: 'past',
    pattern: () =>
      /(?<![\p{L}'’-])(?:(?:[Mm]ore|[Mm]ost|[Uu]ntil|[Oo]nly)\s)?(?:[Rr]ecently|[Ll]ately)(?![\p{L}'’-])|(?<![\p{L}])(?:[Aa]\sfew|[Ss]everal|[Ss]ome|[Mm]any)\s(?:days|weeks|months|years|decades)\sago(?![\p{L}])|(?<=(?<![\p{L}])[Ii]n\s)the\spast(?![\p{L}'’-])(?!\s(?:\w+\s)?(?:days?|weeks?|months?|years?|decades?|century|quarters?|hours?)\b)|(?<![\p{L}])(?<!(?<![\p{L}])[Ff]or\s)[Tt]he\s(?:last|past)\s(?:few|several|couple\sof)\s(?:days|weeks|months|years|decades|quarters)(?![\p{L}])/gu,
    // Each branch opens on a letter rarer than the words' first ones and looks back for the rest: "y" of
    // "recently", "g" of "ago", "p" of "the past" (one scan of the text tries few places). "In the last few
    // months", "over the past several quarters": a vague stretch of the recent past (not after "for", where it
    // is how long something lasted)
    hint: /y(?<=[Rr]ecently|[Ll]ately)|go(?<=(?:days|weeks|months|years|decades)\sago)|past(?<=the\spast)|[lp]ast\s(?:few|several|couple)\s/u,
    // "several decades a" before "go"
    reach: 17,
    kind: 'relative',
    read: () => constant(past),
  },
  {
    // "the future of the club", "the future of student loans": their prospects, not a time; "will one day" is
    // the future
    name: 'future',
    pattern: () =>
      /(?<![\p{L}'’-])(?:[Ii]n\s)?[Tt]he\s(?:(?:near|distant|immediate)\s)?future(?![\p{L}'’-])(?!\sof\s)|(?<![\p{L}'’-])[Tt]he\s(?:near|short)\sterm(?![\p{L}'’-])|(?<![\p{L}'’-])(?<!foreseeable\s)(?:[Tt]he\s)?(?:[Ff]uture|[Cc]oming)\s(?:years|months|weeks|days|decades|quarters|generations)(?![\p{L}'’-])|(?<=(?<![\p{L}])(?:will|would|could|may|might|can|shall)\s)(?:one\sday|some\s?day)(?![\p{L}])/gu,
    hint: /[Ff]uture|[Tt]he\s(?:near|short)\sterm|[Cc]oming\s(?:years|months|weeks|days|decades|quarters|generations)\b|(?:one|some)\s?day/u,
    // "In the immediate " before "future"
    reach: 17,
    kind: 'relative',
    read: () => constant(future),
  },
  {
    name: 'same-quarter-a-year-before',
    isReference: false,
    pattern: () =>
      /(?<![\p{L}])(?:the\s|its\s)?(?:(?:comparable|corresponding|same|year-earlier|year-ago|year\searlier|year\sago)\s)+(?:(?:fiscal\s)?(?:quarter|period)|(?:first|second|third|fourth)[\s-]quarter)(?:\s(?:of\s)?(?:a\syear\s(?:ago|earlier)|last\syear|the\sprevious\syear|the\sprior\syear))?(?![\p{L}])|(?<![\p{L}])last\syear['’]s\s(?:quarter|period)(?![\p{L}])|(?<![\p{L}])the\s(?:quarter|period)\sa\syear\s(?:ago|earlier)(?![\p{L}])/giu,
    hint: QUARTER_OR_PERIOD,
    kind: 'relative',
    read: (match) => (context) => {
      // "During the same period" with no quarter or period spoken of before is no period a year before
      const saysYear = /year/iu.test(match[0]);
      if (!saysYear && context.lastQuarter === undefined && context.monthsPeriod === undefined)
        return undefined;
      // "the year-earlier period" after "the nine months" is that period's year before; a quarter is a quarter
      const focus = /quarter/iu.test(match[0]) ? quarterInFocus(context) : periodInFocus(context);
      return focus && shiftYears(focus, -1);
    },
  },
  {
    name: 'year-earlier',
    isReference: false,
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}${NOT_HALF}(?:(?:a|one)\\syear\\s(?:earlier|ago|before)|(?<!half\\s(?:a|one)\\s)year[\\s-](?:earlier|ago))${NOT_BEFORE_LETTER}`,
        'giu',
      ),
    hint: /year[\s-](?:earlier|ago|before)/iu,
    kind: 'relative',
    read: () => yearBefore,
  },
  {
    name: 'the-year-quarter',
    isReference: false,
    pattern: () => /(?<![\p{L}])the\s([12]\d{3})\s(?:fiscal\s)?(?:quarter|period)(?![\p{L}])/gu,
    hint: /the\s[12]\d{3}\s/u,
    reach: 0,
    kind: 'relative',
    read:
      ([words, y]) =>
      (context) => {
        const focus = /quarter/iu.test(words) ? quarterInFocus(context) : periodInFocus(context);
        return focus && shiftYears(focus, Number(y) - Number(focus.value.slice(0, 4)));
      },
  },
  {
    // "fell 59% in the latest quarter": the last full quarter before the article, named on its own, so in focus
    name: 'latest-quarter',
    pattern: () =>
      /(?<![\p{L}])(?:the|its|their)\s(?:latest|most\srecent|recent|just[\s-]ended)\s(?:fiscal\s)?quarter(?![\p{L}-])(?!\s(?:ended|ending)\s)/giu,
    hint: /quarter/iu,
    kind: 'relative',
    read: () => latestQuarter,
  },
  {
    name: 'the-quarter',
    isReference: false,
    pattern: () =>
      /(?<![\p{L}])(?:the|this|that|its|their)\s(?:(?:latest|current|recent|most\srecent|just-ended|just\sended|fiscal|same)\s)*(?:quarter|period)(?![\p{L}-])(?<!(?:the|its|their|that)\speriod)/giu,
    hint: QUARTER_OR_PERIOD,
    kind: 'relative',
    read: (match, text) => (context) => {
      const words = match[0].toLowerCase();
      const ended = QUARTER_ENDED.exec(text.slice(match.index + match[0].length));
      if (ended && context.anchor)
        return quarterEnded(context.anchor, monthNumber(ended[1]), Number(ended[2]));
      if (/^(?:this|the current) quarter$/u.test(words) && context.anchor)
        return quarterFrom(context.anchor, 0);
      // "during this period", "following this period" with no quarter or period of months spoken of before: a
      // stretch of the story ("a decade of hits … during this period"), not a quarter
      if (/^(?:this|that|its|their) period$/u.test(words) && !context.lastQuarter && !context.monthsPeriod)
        return undefined;
      if (/latest|recent|just/u.test(words)) return latestQuarter(context);
      return quarterInFocus(context);
    },
  },
  {
    name: 'that-day-month-year',
    isReference: false,
    hint: /(?:[Tt]hat(?:\ssame)?|the\ssame)\s(?:day|week|month|year)|[Tt]he\s(?:very\s)?(?:following|next|previous|prior|day|week|month|year)\s/u,
    // "earlier in " before "that day"
    reach: 11,
    pattern: () =>
      /(?<![\p{L}])(?:(?:[Ll]ater|[Ee]arlier)\s(?:in\s)?)?(?:[Tt]hat(?:\ssame)?|the\ssame)\s(day|week|month|year)(?![\p{L}])|(?<![\p{L}])[Tt]he\s(?:very\s)?(following|next|previous|prior)\s(day|week|month|year|morning|afternoon|evening|night)(?![\p{L}]|-(?!end(?![\p{L}]))\p{L})|(?<![\p{L}])[Tt]he\s(day|week|month|year)\s(before|after)(?![\p{L}\s]*\s(?:the|a|an|his|her|their|its|he|she|they|it|we)\b)(?!\s\p{L}+ing\b)/gu,
    kind: 'relative',
    read: ([, sameUnit, direction, unit, unitBefore, beforeAfter]) => {
      const words = (direction ?? beforeAfter ?? '').toLowerCase();
      const steps = /following|next|after/u.test(words) ? 1 : /previous|prior|before/u.test(words) ? -1 : 0;
      // "the next morning" is the next day
      const written = sameUnit ?? unit ?? unitBefore ?? '';
      const target = (/morning|afternoon|evening|night/u.test(written) ? 'day' : written) as
        | 'day'
        | 'week'
        | 'month'
        | 'year';
      return ({ reference, anchor }) => {
        if (target === 'year') {
          const base = yearOf(reference) ?? anchor?.getUTCFullYear();
          return base === undefined ? undefined : year(base + steps);
        }
        return reference && shiftFrom(reference, target, steps);
      };
    },
  },
  {
    // "that summer", "later that spring": the season of the year spoken of last ("in 2015 … that summer" is
    // 2015-SU); with no year before it, a span with no value. Not the conjunction: "a reminder that summer is here"
    // (so not "That summer was hot" either)
    name: 'that-season',
    isReference: false,
    hint: /[Tt]hat\s(?:spring|summer|fall|autumn|winter)/u,
    // "earlier in " before "that summer"
    reach: 11,
    pattern: () =>
      new RegExp(
        `(?<![\\p{L}])(?:(?:[Ll]ater|[Ee]arlier)\\s(?:in\\s)?)?[Tt]hat\\s(${SEASON})${NOT_BEFORE_LETTER}(?!\\s(?:${AUXILIARY})(?![\\p{L}]))`,
        'gu',
      ),
    kind: 'relative',
    read: ([, name]) => {
      const code = SEASONS[(name ?? '').toLowerCase()];
      return ({ reference }) => {
        const base = yearOf(reference);
        return base === undefined || code === undefined ? undefined : season(base, code);
      };
    },
  },
  {
    name: 'weekday-from-reference',
    isReference: false,
    pattern: () =>
      new RegExp(
        `(?<![\\p{L}])[Tt]he\\s(previous|prior|following|next)\\s(${WEEKDAY})${NOT_BEFORE_LETTER}`,
        'gu',
      ),
    hint: /(?:previous|prior|following|next)\s\p{Lu}/u,
    // "the " before "previous"
    reach: 4,
    kind: 'relative',
    read: ([, direction, name]) =>
      weekdayFromReference(weekdayNumber(name), /previous|prior/u.test(direction ?? '') ? -1 : 1),
  },
  {
    name: 'the-year',
    isReference: false,
    pattern: () =>
      /(?<![\p{L}])(?:the\s(?:current|latest|full|past)\s(?:fiscal\s)?year|(?<!times?\sof\s|(?<![\p{L}])[Bb]y\s)the\syear|(?<=(?<![\p{L}])[Bb]y\s)the\syear(?=['’]s\s))(?![\p{L}-])(?!\s(?:ago|earlier|before|after|of(?!\s[$£€¥\d])|in|when|that|which|ended|ending|through|to|\d|two))/gu,
    hint: /year/u,
    // "the current fiscal " before "year"
    reach: 19,
    kind: 'relative',
    // a bare "the year" with nothing in sight to place it is no date (see the-year.ts)
    noValueIsNoDate: (match) => isBareYear(match[0]),
    read: (match, text) => {
      const bare = isBareYear(match[0]);
      const start = match.index;
      if (bare && isSaidByClause(text, start, start + match[0].length)) return undefined;
      return (context) => {
        const anchorYear = context.anchor?.getUTCFullYear();
        if (/past|latest/u.test(match[0]) && anchorYear) return year(anchorYear - 1);
        if (/current/u.test(match[0]) && anchorYear) return year(anchorYear);
        // "the top stock for the year ahead": the coming year, as "the coming year" is
        if (bare && anchorYear && AHEAD_AFTER.test(text.slice(start + 8, start + 16)))
          return year(anchorYear + 1);
        // with no publication date, only a year the story wrote in this sentence or the one before
        const { anchor, referenceEnd } = context;
        const inSight = referenceEnd !== undefined && isInSight(text, referenceEnd, start);
        if (bare && !anchor && !inSight) return undefined;
        // "a fall of 5% over the year": the year up to the article's date, unless the story's year is in sight
        const base =
          bare && anchor && !inSight && isOverTheYear(text, start) ? anchorYear : yearInFocus(context);
        return base === undefined ? undefined : year(base);
      };
    },
  },
  {
    // "the rights terminate on Nov. 30. Until then, the stock remains convertible": the day or month spoken of last,
    // in this sentence or the one before; otherwise "then" is no date ("Until then it's just the two of us")
    name: 'until-then',
    isReference: false,
    pattern: () => /(?<=(?<![\p{L}])[Uu]ntil\s)then(?![\p{L}])/gu,
    hint: /[Uu]ntil\sthen/u,
    kind: 'relative',
    noValueIsNoDate: () => true,
    read:
      (match, text) =>
      ({ reference, referenceEnd }) =>
        reference &&
        (reference.granularity === 'day' || reference.granularity === 'month') &&
        referenceEnd !== undefined &&
        isSpokenInSight(text, referenceEnd, match.index)
          ? reference
          : undefined,
  },
  {
    name: 'units-later',
    isReference: false,
    pattern: () =>
      new RegExp(
        `${NOT_AFTER_LETTER}${NOT_HALF}(${COUNT})\\s(day|week|month|year)s?\\s(later|earlier)${NOT_BEFORE_LETTER}(?!\\s(?:than|that|this|the|in|on|at))`,
        'giu',
      ),
    hint: /\s(?:day|week|month|year)s?\s(?:later|earlier)/iu,
    // "seventy-seven" before the space
    reach: 13,
    kind: 'relative',
    read: ([, count, unit, direction]) => {
      const sign = /later/iu.test(direction ?? '') ? 1 : -1;
      return unitsFromReference(sign * countOf(count), (unit ?? '').toLowerCase());
    },
  },
];
