import type { DateFact, Span } from '../result.ts';
import { NUMBER_WORDS } from './numbers.ts';
import { keepFirstOfOverlapping } from './words.ts';

type Granularity = NonNullable<DateFact['granularity']>;
type Anchor = NonNullable<DateFact['anchor']>;

interface Resolved {
  readonly value: string;
  readonly granularity: Granularity;
}

/** A date expression found in the text; absolute ones resolve without an anchor, relative ones need it. */
interface Candidate extends Span {
  readonly kind: DateFact['kind'];
  readonly resolve: (anchor: Date | undefined) => Resolved | undefined;
}

export interface DateOptions {
  /** The article's publication date or time (ISO 8601) from its metadata. */
  readonly publishedAt?: string;
}

const MONTH_NAMES = [
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
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH_FULL = MONTH_NAMES.join('|');
/** Full names first so that "June" is not read as "Jun"; abbreviations may carry a period. */
const MONTH = `${MONTH_FULL}|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?`;
const WEEKDAY = WEEKDAY_NAMES.join('|');
const NOT_AFTER_LETTER = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_LETTER = '(?![\\p{L}\\p{N}])';
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?';

const ISO_DATE = /(?<![\p{L}\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}-])/gu;
const MONTH_DAY_YEAR = new RegExp(
  `${NOT_AFTER_LETTER}(?:(?:${WEEKDAY}),?\\s)?(${MONTH})\\s(\\d{1,2})${ORDINAL_SUFFIX}(?![\\p{L}\\p{N}])(?:,?\\s(\\d{4})(?!\\p{N}))?`,
  'gu',
);
const DAY_MONTH_YEAR = new RegExp(
  `${NOT_AFTER_LETTER}(?:(?:${WEEKDAY}),?\\s)?(\\d{1,2})${ORDINAL_SUFFIX}\\s(?:of\\s)?(${MONTH})${NOT_BEFORE_LETTER}(?:,?\\s(\\d{4})(?!\\p{N}))?`,
  'gu',
);
const MONTH_YEAR = new RegExp(`${NOT_AFTER_LETTER}(${MONTH}),?\\s(\\d{4})(?!\\p{N})`, 'gu');
const YEAR_AFTER_PREPOSITION =
  /(?<=(?<![\p{L}])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|of)\s|mid-)((?:19|20)\d{2})(?![\p{N}-])/gu;

/** Named days that are not the weekday near the article's date: "Good Friday", "the Sunday Times". */
const NOT_A_DAY_BEFORE = '(?<!(?:Good|Black|Cyber|Bloody|Easter|Holy|Ash|Palm|Super)\\s)';
const NOT_A_DAY_AFTER = '(?!\\s(?:Times|Telegraph|Mirror|Post|Express|Herald|Mail|Night|Sport|People|Star))';
const WEEKDAY_RELATIVE = new RegExp(
  `${NOT_AFTER_LETTER}${NOT_A_DAY_BEFORE}(?:([Ll]ast|[Nn]ext|[Tt]his)\\s)?(${WEEKDAY})${NOT_BEFORE_LETTER}${NOT_A_DAY_AFTER}`,
  'gu',
);
const DAY_WORD = /(?<![\p{L}])([Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)(?![\p{L}])/gu;
const PERIOD_RELATIVE =
  /(?<![\p{L}])(?:(?:[Ee]arlier|[Ll]ater)\s)?([Tt]his|[Ll]ast|[Nn]ext)\s(week|month|year|weekend)(?![\p{L}])/gu;
const THE_WEEKEND = /(?<=(?:[Oo]ver|[Dd]uring|[Aa]t|[Oo]n)\s)the\sweekend(?![\p{L}])/gu;
const AGO =
  /(?<![\p{L}\p{N}])(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s(day|week|month|year)s?\sago(?![\p{L}])/gu;
const MONTH_WITH_DETERMINER = new RegExp(
  `${NOT_AFTER_LETTER}([Ll]ast|[Nn]ext|[Tt]his)\\s(${MONTH_FULL})${NOT_BEFORE_LETTER}`,
  'gu',
);
const MONTH_AFTER_PREPOSITION = new RegExp(
  `(?<=(?<![\\p{L}])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate)\\s|mid-)(${MONTH_FULL})${NOT_BEFORE_LETTER}`,
  'gu',
);

/** Words before a weekday that put it in the future ("will meet on Friday"). */
const FUTURE_CUE =
  /\b(?:will|shall|won['’]t|['’]ll|(?:is|are) (?:set|due|scheduled|expected|going) to|plans? to|until)\b/iu;
const FUTURE_CUE_WINDOW = 60;
const SENTENCE_BREAK = /[.!?\n]/gu;
const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/u;
/** "a week ago", "three days ago": the article and the number words that numbers.ts reads. */
const SMALL_NUMBERS: Readonly<Record<string, number>> = { a: 1, an: 1, ...NUMBER_WORDS };
const DAY_MS = 86_400_000;

/**
 * Dates in `text`: absolute ones to ISO 8601, relative ones ("Monday", "last week", "in May") resolved
 * against the publication date, else the latest absolute date written in the text. Durations are numbers,
 * not dates (see numbers.ts).
 */
export function findDates(text: string, options: DateOptions = {}): DateFact[] {
  const candidates = keepFirstOfOverlapping(findCandidates(text));
  const anchor = anchorOf(options.publishedAt, candidates);
  const anchorDate = anchor === undefined ? undefined : parseDay(anchor.value);
  const dates: DateFact[] = [];
  for (const candidate of candidates) {
    const resolved = candidate.resolve(anchorDate);
    if (resolved === undefined) continue;
    const { start, end, kind } = candidate;
    dates.push({
      start,
      end,
      text: text.slice(start, end),
      value: resolved.value,
      kind,
      granularity: resolved.granularity,
      ...(kind === 'relative' && anchor ? { anchor } : {}),
    });
  }
  return dates;
}

function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (
    pattern: RegExp,
    kind: DateFact['kind'],
    read: (match: RegExpMatchArray) => Candidate['resolve'],
  ) => {
    for (const match of text.matchAll(pattern)) {
      candidates.push({ start: match.index, end: match.index + match[0].length, kind, resolve: read(match) });
    }
  };
  add(
    ISO_DATE,
    'absolute',
    ([, year, month, day]) =>
      () =>
        exactDay(year, month, day),
  );
  for (const [pattern, monthGroup, dayGroup] of [
    [MONTH_DAY_YEAR, 1, 2],
    [DAY_MONTH_YEAR, 2, 1],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const month = monthNumber(match[monthGroup]);
      const day = Number(match[dayGroup]);
      const year = match[3];
      const start = match.index ?? 0;
      const span = { start, end: start + match[0].length };
      if (year !== undefined) {
        candidates.push({ ...span, kind: 'absolute', resolve: () => exactDay(year, month, day) });
      } else {
        candidates.push({ ...span, kind: 'relative', resolve: (anchor) => nearestDay(anchor, month, day) });
      }
    }
  }
  add(
    MONTH_YEAR,
    'absolute',
    ([, month, year]) =>
      () =>
        monthOf(Number(year), monthNumber(month)),
  );
  add(YEAR_AFTER_PREPOSITION, 'absolute', ([, year]) => () => ({ value: String(year), granularity: 'year' }));
  add(WEEKDAY_RELATIVE, 'relative', (match) => {
    const future = hasFutureCue(text, match.index ?? 0);
    return (anchor) => weekdayNear(anchor, WEEKDAY_NAMES.indexOf(match[2] ?? ''), match[1], future);
  });
  add(
    DAY_WORD,
    'relative',
    ([, word]) =>
      (anchor) =>
        dayWord(anchor, word ?? ''),
  );
  add(
    PERIOD_RELATIVE,
    'relative',
    ([, which, unit]) =>
      (anchor) =>
        period(anchor, which ?? '', unit ?? ''),
  );
  add(THE_WEEKEND, 'relative', () => (anchor) => period(anchor, 'last', 'weekend'));
  add(
    AGO,
    'relative',
    ([, count, unit]) =>
      (anchor) =>
        ago(anchor, countOf(count), unit ?? ''),
  );
  add(
    MONTH_WITH_DETERMINER,
    'relative',
    ([, which, month]) =>
      (anchor) =>
        monthNear(anchor, monthNumber(month), which?.toLowerCase()),
  );
  add(
    MONTH_AFTER_PREPOSITION,
    'relative',
    ([, month]) =>
      (anchor) =>
        monthNear(anchor, monthNumber(month)),
  );
  return candidates;
}

function anchorOf(publishedAt: string | undefined, candidates: readonly Candidate[]): Anchor | undefined {
  const published = publishedAt === undefined ? undefined : ISO_PREFIX.exec(publishedAt);
  if (published && exactDay(published[1], published[2], published[3])) {
    return { value: published[0], from: 'metadata' } satisfies Anchor;
  }
  let latest: string | undefined;
  for (const candidate of candidates) {
    if (candidate.kind !== 'absolute') continue;
    const resolved = candidate.resolve(undefined);
    if (resolved?.granularity === 'day' && (latest === undefined || resolved.value > latest)) {
      latest = resolved.value;
    }
  }
  return latest === undefined ? undefined : ({ value: latest, from: 'text' } satisfies Anchor);
}

function hasFutureCue(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - FUTURE_CUE_WINDOW), index);
  let clauseStart = 0;
  for (const match of window.matchAll(SENTENCE_BREAK)) clauseStart = match.index + 1;
  return FUTURE_CUE.test(window.slice(clauseStart));
}

function monthNumber(name: string | undefined): number {
  const prefix = (name ?? '').slice(0, 3);
  return MONTH_NAMES.findIndex((month) => month.startsWith(prefix)) + 1;
}

function countOf(word: string | undefined): number {
  const lower = (word ?? '').toLowerCase();
  return SMALL_NUMBERS[lower] ?? Number(lower);
}

function exactDay(
  year: string | number | undefined,
  month: string | number | undefined,
  day: string | number | undefined,
): Resolved | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (!(m >= 1 && m <= 12 && d >= 1)) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return { value: formatDay(date), granularity: 'day' };
}

function monthOf(year: number, month: number): Resolved | undefined {
  if (month < 1 || month > 12) return undefined;
  return { value: `${year}-${pad(month)}`, granularity: 'month' };
}

/** A month and day without a year: the year that puts it nearest the anchor. */
function nearestDay(anchor: Date | undefined, month: number, day: number): Resolved | undefined {
  if (anchor === undefined) return undefined;
  const year = anchor.getUTCFullYear();
  const options = [year - 1, year, year + 1]
    .map((y) => exactDay(y, month, day))
    .filter((resolved): resolved is Resolved => resolved !== undefined);
  const distance = (resolved: Resolved) =>
    Math.abs((parseDay(resolved.value)?.getTime() ?? 0) - anchor.getTime());
  return options.sort((a, b) => distance(a) - distance(b))[0];
}

/**
 * A weekday: news mostly reports the past, so a bare weekday is the latest one on or before the anchor,
 * unless the clause speaks of the future; "last"/"next" exclude the anchor's own day.
 */
function weekdayNear(
  anchor: Date | undefined,
  weekday: number,
  which: string | undefined,
  future: boolean,
): Resolved | undefined {
  if (anchor === undefined || weekday < 0) return undefined;
  const today = anchor.getUTCDay();
  const back = (today - weekday + 7) % 7;
  const forward = (weekday - today + 7) % 7;
  const direction = which?.toLowerCase();
  let offset = future ? forward : -back;
  if (direction === 'last') offset = -(back === 0 ? 7 : back);
  if (direction === 'next') offset = forward === 0 ? 7 : forward;
  return { value: formatDay(addDays(anchor, offset)), granularity: 'day' };
}

function dayWord(anchor: Date | undefined, word: string): Resolved | undefined {
  if (anchor === undefined) return undefined;
  const offsets: Readonly<Record<string, number>> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };
  return { value: formatDay(addDays(anchor, offsets[word.toLowerCase()] ?? 0)), granularity: 'day' };
}

function period(anchor: Date | undefined, which: string, unit: string): Resolved | undefined {
  if (anchor === undefined) return undefined;
  const step = { this: 0, last: -1, next: 1 }[which.toLowerCase()] ?? 0;
  const year = anchor.getUTCFullYear();
  switch (unit) {
    case 'week':
      return { value: isoWeek(addDays(anchor, 7 * step)), granularity: 'week' };
    case 'weekend':
      return { value: isoWeek(weekendNear(anchor, step)), granularity: 'week' };
    case 'month': {
      const date = new Date(Date.UTC(year, anchor.getUTCMonth() + step, 1));
      return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1);
    }
    default:
      return { value: String(year + step), granularity: 'year' };
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

function ago(anchor: Date | undefined, count: number, unit: string): Resolved | undefined {
  if (anchor === undefined || !Number.isFinite(count)) return undefined;
  const year = anchor.getUTCFullYear();
  switch (unit) {
    case 'day':
      return { value: formatDay(addDays(anchor, -count)), granularity: 'day' };
    case 'week':
      return { value: isoWeek(addDays(anchor, -7 * count)), granularity: 'week' };
    case 'month': {
      const date = new Date(Date.UTC(year, anchor.getUTCMonth() - count, 1));
      return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1);
    }
    default:
      return { value: String(year - count), granularity: 'year' };
  }
}

/** A month without a year: "last"/"next" one strictly before/after the anchor's month, else the nearest. */
function monthNear(anchor: Date | undefined, month: number, which?: string): Resolved | undefined {
  if (anchor === undefined || month < 1) return undefined;
  const year = anchor.getUTCFullYear();
  const current = anchor.getUTCMonth() + 1;
  if (which === 'last') return monthOf(month < current ? year : year - 1, month);
  if (which === 'next') return monthOf(month > current ? year : year + 1, month);
  if (which === 'this') return monthOf(year, month);
  const difference = month - current;
  if (difference > 6) return monthOf(year - 1, month);
  if (difference < -6) return monthOf(year + 1, month);
  return monthOf(year, month);
}

function parseDay(value: string): Date | undefined {
  const match = ISO_PREFIX.exec(value);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function formatDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** ISO 8601 week date, e.g. 2023-W25: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
