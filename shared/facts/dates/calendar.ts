/**
 * Calendar arithmetic on UTC dates and TIMEX3 values (the ISO 8601 extension TempEval uses): 2023-06-19,
 * 2023-W25, 2023-06, 2023-Q3, 2023-H2, 2023-SU, 2023, 202 (the 2020s), 20 (the 2000s), PRESENT_REF.
 */
import type { DateFact } from '../../result.ts';
import type { Tense } from './tense.ts';

export type Granularity = NonNullable<DateFact['granularity']>;

/** A resolved date: its TIMEX3 value and how precise it is. */
export interface Resolved {
  readonly value: string;
  readonly granularity: Granularity;
}

const DAY_MS = 86_400_000;
/** Without a cue, a month and day up to this many days ahead is the coming one; further ahead, last year's. */
const DAYS_AHEAD = 90;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/u;
const LEADING_YEAR = /^(\d{4})(?=-|$)/u;
const SEASON_CODES = ['SP', 'SU', 'FA', 'WI'] as const;
export type Season = (typeof SEASON_CODES)[number];

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function formatDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The UTC midnight of an ISO date or timestamp's date part, or undefined when it names no real day. */
export function parseDay(value: string): Date | undefined {
  const match = ISO_DAY.exec(value);
  if (!match) return undefined;
  const resolved = day(match[1], match[2], match[3]);
  return resolved && new Date(`${resolved.value}T00:00:00Z`);
}

/** A real calendar day, or undefined ("June 31"). Years outside 1000–2999 are not read as years. */
export function day(
  year: string | number | undefined,
  month: string | number | undefined,
  dayOfMonth: string | number | undefined,
): Resolved | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(dayOfMonth)];
  if (!(isYear(y) && m >= 1 && m <= 12 && d >= 1)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return { value: formatDay(date), granularity: 'day' };
}

export function month(year: number, monthNumber: number): Resolved | undefined {
  if (!isYear(year) || monthNumber < 1 || monthNumber > 12) return undefined;
  return { value: `${year}-${pad(monthNumber)}`, granularity: 'month' };
}

export function year(value: number): Resolved | undefined {
  return isYear(value) ? { value: String(value), granularity: 'year' } : undefined;
}

export function quarter(yearValue: number, quarterNumber: number): Resolved | undefined {
  if (!isYear(yearValue) || quarterNumber < 1 || quarterNumber > 4) return undefined;
  return { value: `${yearValue}-Q${quarterNumber}`, granularity: 'quarter' };
}

export function half(yearValue: number, halfNumber: number): Resolved | undefined {
  if (!isYear(yearValue) || halfNumber < 1 || halfNumber > 2) return undefined;
  return { value: `${yearValue}-H${halfNumber}`, granularity: 'half' };
}

export function season(yearValue: number, code: Season): Resolved | undefined {
  return isYear(yearValue) ? { value: `${yearValue}-${code}`, granularity: 'season' } : undefined;
}

/** "the 1990s" is 199, TIMEX3's decade value. */
export function decade(firstYear: number): Resolved | undefined {
  return isYear(firstYear) && firstYear % 10 === 0
    ? { value: String(firstYear / 10), granularity: 'decade' }
    : undefined;
}

/** "the 20th century" is 19, TIMEX3's century value. */
export function century(ordinal: number): Resolved | undefined {
  return ordinal >= 1 && ordinal <= 30 ? { value: pad(ordinal - 1), granularity: 'century' } : undefined;
}

export function week(date: Date): Resolved {
  return { value: isoWeek(date), granularity: 'week' };
}

/** The weekend of the week that holds `date`, as TIMEX3 writes it: 2023-W25-WE. */
export function weekend(date: Date): Resolved {
  return { value: `${isoWeek(date)}-WE`, granularity: 'week' };
}

export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1000 && value <= 2999;
}

/** ISO 8601 week date, e.g. 2023-W25: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const weekYear = thursday.getUTCFullYear();
  const number = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${weekYear}-W${pad(number)}`;
}

export function quarterOf(date: Date): number {
  return Math.floor(date.getUTCMonth() / 3) + 1;
}

/** The month `offset` months from the anchor's month. */
export function monthFrom(anchor: Date, offset: number): Resolved | undefined {
  const date = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1));
  return month(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** The quarter `offset` quarters from the anchor's quarter. */
export function quarterFrom(anchor: Date, offset: number): Resolved | undefined {
  const index = anchor.getUTCFullYear() * 4 + quarterOf(anchor) - 1 + offset;
  return quarter(Math.floor(index / 4), (index % 4) + 1);
}

/** Northern-hemisphere season of a date (December is the winter of its own year, as TIMEX3 writes it). */
export function seasonOf(date: Date): Season {
  const monthIndex = date.getUTCMonth();
  if (monthIndex >= 2 && monthIndex <= 4) return 'SP';
  if (monthIndex >= 5 && monthIndex <= 7) return 'SU';
  if (monthIndex >= 8 && monthIndex <= 10) return 'FA';
  return 'WI';
}

export function seasonIndex(code: Season): number {
  return SEASON_CODES.indexOf(code);
}

/**
 * The same value `years` years away: 1989-Q3 -> 1988-Q3, 1989-09-30 -> 1988-09-30 (29 February becomes
 * 28 February). Values without a leading year (PRESENT_REF, decades) have no such counterpart.
 */
export function shiftYears(resolved: Resolved, years: number): Resolved | undefined {
  const match = LEADING_YEAR.exec(resolved.value);
  if (!match || resolved.granularity === 'decade' || resolved.granularity === 'century') return undefined;
  const shifted = Number(match[1]) + years;
  if (!isYear(shifted)) return undefined;
  if (resolved.granularity === 'day') {
    const [, , monthPart, dayPart] = ISO_DAY.exec(resolved.value) ?? [];
    const dayValue = Math.min(Number(dayPart), Number(monthPart) === 2 && !isLeap(shifted) ? 28 : 31);
    return day(shifted, monthPart, dayValue);
  }
  return { value: `${shifted}${resolved.value.slice(4)}`, granularity: resolved.granularity };
}

function isLeap(value: number): boolean {
  return (value % 4 === 0 && value % 100 !== 0) || value % 400 === 0;
}

/** The first year of a resolved value (its leading four digits), if it has one. */
export function yearOf(resolved: Resolved | undefined): number | undefined {
  const match = resolved && LEADING_YEAR.exec(resolved.value);
  return match ? Number(match[1]) : undefined;
}

/** The nth (1-based) given weekday of a month, or the last one when n is -1. */
export function nthWeekday(yearValue: number, monthNumber: number, weekday: number, n: number): Date {
  if (n < 0) {
    const last = new Date(Date.UTC(yearValue, monthNumber, 0));
    return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
  }
  const first = new Date(Date.UTC(yearValue, monthNumber - 1, 1));
  return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1));
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
export function easter(yearValue: number): Date {
  const a = yearValue % 19;
  const b = Math.floor(yearValue / 100);
  const c = yearValue % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthNumber = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(yearValue, monthNumber - 1, dayOfMonth));
}

/**
 * A month and day without a year: in a clause about the past, the latest such day on or before the anchor;
 * about the future, the first on or after it; otherwise the latest, or the coming one when it is at most
 * DAYS_AHEAD away (news reports the past and announces the near future). With a weekday ("Saturday, April 25"),
 * the year in which the day falls on that weekday, if one of them does.
 */
export function nearestDay(
  anchor: Date,
  monthNumber: number,
  dayOfMonth: number,
  tense: Tense,
  weekday = -1,
): Resolved | undefined {
  const anchorYear = anchor.getUTCFullYear();
  const options = [anchorYear - 1, anchorYear, anchorYear + 1]
    .map((y) => day(y, monthNumber, dayOfMonth))
    .filter((resolved): resolved is Resolved => resolved !== undefined);
  const onWeekday = options.filter((option) => parseDay(option.value)?.getUTCDay() === weekday);
  const distance = (option: Resolved) =>
    Math.abs((parseDay(option.value)?.getTime() ?? 0) - anchor.getTime());
  const nearest = (list: readonly Resolved[]) => [...list].sort((a, b) => distance(a) - distance(b))[0];
  if (onWeekday.length > 0) return nearest(onWeekday);
  const today = formatDay(anchor);
  if (tense === 'future') return options.find((option) => option.value >= today);
  const latest = options.findLast((option) => option.value <= today);
  if (tense === 'past') return latest;
  const next = options.find((option) => option.value > today);
  const ahead = next
    ? ((parseDay(next.value)?.getTime() ?? 0) - anchor.getTime()) / DAY_MS
    : Number.POSITIVE_INFINITY;
  return ahead <= DAYS_AHEAD ? next : latest;
}
