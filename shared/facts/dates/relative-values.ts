/**
 * The values of relative dates, placed by the article's date (the anchor): a weekday, this/last/next week, month,
 * quarter or year, "three days ago", a month, quarter or season without a year.
 */
import {
  addDays,
  day,
  formatDay,
  month,
  monthFrom,
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
import type { Context, Resolver } from './rule.ts';
import type { Tense } from './tense.ts';

/** Without a cue, a month up to this many months ahead is this year's; further ahead, last year's. */
const MONTHS_AHEAD = 3;

export type Which = 'last' | 'next' | 'this' | undefined;

/** "last", "next", "this", …: the word before a relative date that says which one (whichOf). */
export const WHICH = '(?:[Ll]ast|[Nn]ext|[Tt]his(?:\\s(?:past|coming))?|[Pp]ast|[Cc]oming)';

/** A resolver that needs the anchor: no anchor, no value. */
export const anchored =
  (resolve: (anchor: Date, context: Context) => Resolved | undefined): Resolver =>
  (context) =>
    context.anchor ? resolve(context.anchor, context) : undefined;

export function whichOf(word: string | undefined): Which {
  const lower = word?.toLowerCase().replace(/\s+/gu, ' ');
  if (lower === 'last' || lower === 'this past' || lower === 'past' || lower === 'previous') return 'last';
  if (lower === 'next' || lower === 'this coming' || lower === 'coming') return 'next';
  if (lower === 'this' || lower === 'current') return 'this';
  return undefined;
}

/**
 * A weekday: the latest one on or before the anchor, or in a clause about the future the first one on or
 * after it; "last"/"next" exclude the anchor's own day. In a clause with no tense cue, the day after the
 * anchor is that day, not six days back: news names a day almost a week gone "last Tuesday", and a bare
 * "Tuesday" in Monday's paper is tomorrow ("meet separately Tuesday", "headed Tuesday to East Africa"). The
 * future of a past ("said he would leave Friday") is the nearer of the two.
 */
export function weekdayNear(anchor: Date, weekday: number, which: Which, tense: Tense): Resolved | undefined {
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
export function period(anchor: Date, which: Which, unit: string): Resolved | undefined {
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

export /**
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
 * "last February": the latest February before the anchor's month and the month before it. Written on March 1,
 * "crashed last February" is the February of a year before: the month just gone would be "last month" or "in
 * February" ("this past February" is the month just gone, as `monthNear` reads it).
 */
export function lastMonthNamed(anchor: Date, monthValue: number): Resolved | undefined {
  if (monthValue < 1) return undefined;
  const current = anchor.getUTCMonth() + 1;
  return month(monthValue < current - 1 ? anchor.getUTCFullYear() : anchor.getUTCFullYear() - 1, monthValue);
}

/**
 * A quarter without a year: the anchor's year, unless the quarter lies two or more quarters ahead of the
 * anchor's (in January, "the fourth quarter" is last year's; a past quarter one ahead is a fiscal one, which
 * keeps its own number: "third-quarter profit rose" in June). In a clause about the future, a quarter up to two
 * ahead is still to come ("expects profit to rise in the fourth quarter", in June; "the first quarter" in
 * October is next year's), but the quarter just ended stays this year's ("expects to report a loss for the third
 * quarter", in October).
 */
export function quarterNear(
  anchor: Date,
  quarterValue: number,
  which: Which,
  tense: Tense = 'unknown',
): Resolved | undefined {
  const anchorYear = anchor.getUTCFullYear();
  const current = quarterOf(anchor);
  if (which === 'last') return quarter(quarterValue < current ? anchorYear : anchorYear - 1, quarterValue);
  if (which === 'next') return quarter(quarterValue > current ? anchorYear : anchorYear + 1, quarterValue);
  if (tense === 'future') {
    const ahead = (quarterValue - current + 4) % 4;
    if (ahead === 3) return quarter(quarterValue === 4 ? anchorYear - 1 : anchorYear, quarterValue);
    return quarter(quarterValue < current ? anchorYear + 1 : anchorYear, quarterValue);
  }
  return quarter(quarterValue - current >= 2 ? anchorYear - 1 : anchorYear, quarterValue);
}

export /** A season without a year: like months, "last"/"next" strictly before/after the anchor's season. */
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
